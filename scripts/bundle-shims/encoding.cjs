// Bundled in place of the optional `encoding` package (scripts/build-functions.mjs). node-fetch 2
// requires it inside a try/catch, only for Response.textConverted(), which nothing here calls: this
// shim throws the same way a missing package would, so the bundle requires nothing it does not ship.
throw new Error('encoding is not bundled into the cloud functions (scripts/bundle-shims/encoding.cjs)');
