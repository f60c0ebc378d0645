/**
 * What `npm run build:functions` writes into each cloud function's folder: index.js, and beside it the
 * modules that function loads only on first use (scripts/function-chunks.cjs: exceljs.js for sheets).
 * The folder is uploaded whole, so the tests treat these files together: copied together, sized together.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chunks = require('../../scripts/function-chunks.cjs') as { builtFiles: (fn: string) => string[] };

export const builtFiles: (fn: string) => string[] = chunks.builtFiles;
