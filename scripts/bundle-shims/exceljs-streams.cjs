// Bundled in place of `archiver` and `unzipper` where exceljs asks for them (scripts/build-functions.mjs).
// exceljs needs them only for its streaming WorkbookWriter and WorkbookReader; the sheets function
// writes and reads whole workbooks (Workbook.xlsx.writeBuffer / load, which use jszip). exceljs
// requires both modules when it loads, so this shim loads fine and throws only if a stream is used.
function notBundled() {
  throw new Error('exceljs streaming (archiver/unzipper) is not bundled into the cloud functions: use Workbook.xlsx.writeBuffer / load');
}
module.exports = notBundled;
module.exports.Parse = notBundled;
module.exports.Open = { buffer: notBundled, file: notBundled };
