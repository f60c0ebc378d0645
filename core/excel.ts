/**
 * exceljs, for the spreadsheet actions only. The module that registers the sheets function's actions
 * (core/sheets.ts) hands over the loader; the service and timer bundles never import that module, so
 * exceljs and its zip stack (about 1 MB) stay out of them. Loaded on first use: a call that writes no
 * workbook never pays for it.
 */
import { AppError } from './errors';

type ExcelJS = typeof import('exceljs');

let loader: (() => ExcelJS) | null = null;

/** called once by core/sheets.ts */
export function provideExcel(load: () => ExcelJS): void {
  loader = load;
}

export function excel(): ExcelJS {
  if (!loader) throw new AppError('INTERNAL', '表格功能由 sheets 云函数提供，请确认已部署该函数');
  return loader();
}
