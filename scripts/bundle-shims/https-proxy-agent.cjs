// Bundled in place of `https-proxy-agent` where the Tencent Cloud SDK asks for it (scripts/build-functions.mjs).
// The SDK builds a proxy agent only when a proxy is configured (httpProfile.proxy or http_proxy), which
// a CloudBase function has not; the agent and its debug/supports-color/ms dependencies are about 17 KB of
// every bundle. A function that does get a proxy says so instead of failing obscurely.
class HttpsProxyAgent {
  constructor(proxy) {
    throw new Error(`an HTTP proxy (${proxy}) is not supported by the cloud function bundles: unset http_proxy for the function (scripts/bundle-shims/https-proxy-agent.cjs)`);
  }
}
module.exports = HttpsProxyAgent;
module.exports.default = HttpsProxyAgent;
module.exports.HttpsProxyAgent = HttpsProxyAgent;
