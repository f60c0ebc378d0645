/**
 * Modules a function loads only on first use, built as a file of their own beside its index.js
 * (scripts/build-functions.mjs) rather than inside it. exceljs (about 510 KiB minified) serves only the
 * sheets function's workbook actions: its admin, registry and duplicate-cluster calls, and every cold
 * start, need not parse it (sheets' cold module load went from about 115 ms to about 80). The folder
 * is uploaded whole, so the file goes with index.js, and the folder's package.json preinstall refuses
 * a folder without it. The tests read this list for what a built function folder holds.
 */
const CHUNKS = [{ fn: 'sheets', module: 'exceljs', file: 'exceljs.js' }];

/** the files `npm run build:functions` writes into cloudfunctions/<fn>/, index.js first */
const builtFiles = (fn) => ['index.js', ...CHUNKS.filter((c) => c.fn === fn).map((c) => c.file)];

module.exports = { CHUNKS, builtFiles };
