// Deployable cloud function "sheets": bundled by scripts/build-functions.mjs into index.js.
// The spreadsheet actions (core/sheets.ts): ledger export, the enterprise registry's template and import,
// the briefing's workbook. Their exceljs stack stays out of the service function.
import { cloudbaseMain, leaveToTimers } from '../../adapters/cloudbase-main';
import { createSheets } from '../../core/sheets';

export const main = cloudbaseMain('sheets', (ports) => createSheets(ports, { followUps: leaveToTimers }));
