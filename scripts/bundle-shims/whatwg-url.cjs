// Bundled in place of the whatwg-url package (scripts/build-functions.mjs). Its only importer in the
// cloud function bundles is node-fetch 2 (through tencentcloud-sdk-nodejs-common), which takes
// `require('url').URL || whatwgUrl.URL`: Node.js has had URL built in since 10, so whatwg-url (with
// tr46's 260 KB Unicode table) is never used there.
const { URL, URLSearchParams } = require('url');
module.exports = { URL, URLSearchParams };
