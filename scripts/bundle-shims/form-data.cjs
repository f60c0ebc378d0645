// Bundled in place of the form-data package (scripts/build-functions.mjs). Its only importer in the
// cloud function bundles is tencentcloud-sdk-nodejs-common, which builds a form only for multipart
// requests (file uploads of other Tencent Cloud APIs); SendSms is a JSON request. Leaving form-data
// (and mime-db's 130 KB with it) out keeps the bundles small; a multipart request fails loudly.
module.exports = class FormData {
  constructor() {
    throw new Error('form-data is not bundled into the cloud functions: multipart requests are not supported (scripts/bundle-shims/form-data.cjs)');
  }
};
