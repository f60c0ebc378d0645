/**
 * The first worksheet of an uploaded .xlsx, for the import actions (sheets function only: it loads
 * exceljs through core/excel.ts).
 */
import type { Worksheet } from 'exceljs';
import { excel } from './excel';
import { AppError } from './errors';
import type { FileStore } from './ports';

/**
 * A missing file is NOT_FOUND; bytes that are not a workbook are VALIDATION_FAILED with `notXlsx`, the
 * page's words for what to upload. Undefined when the workbook has no sheet (each caller says why).
 */
export async function uploadedSheet(files: FileStore | undefined, fileID: string, notXlsx: string): Promise<Worksheet | undefined> {
  const bytes = await files?.read?.(fileID);
  if (!bytes) throw new AppError('NOT_FOUND', '未找到上传的文件，请重新上传');
  const wb = new (excel().Workbook)();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', notXlsx);
  }
  return wb.worksheets[0];
}

/**
 * The data rows of an upload made from one of our templates (cells as text, in the template's
 * columns): the header must be the template's, at most `maxRows` rows, and blank rows and the
 * template's example row (its first cell starts with "（示例") are skipped. `row` is the sheet's row number.
 */
export async function templateRows(files: FileStore | undefined, fileID: string, columns: readonly string[], maxRows: number) {
  const ws = await uploadedSheet(files, fileID, '文件不是有效的 .xlsx 表格，请使用下载的模板');
  const header = columns.map((_, i) => String(ws?.getRow(1).getCell(i + 1).text ?? '').trim());
  if (!ws || header.join('|') !== columns.join('|')) {
    throw new AppError('VALIDATION_FAILED', `表头应为：${columns.join('、')}（请使用下载的模板）`);
  }
  if (ws.rowCount - 1 > maxRows) throw new AppError('VALIDATION_FAILED', `单次最多导入${maxRows}行`);
  const rows: Array<{ row: number; cells: string[] }> = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = columns.map((_, i) => String(ws.getRow(r).getCell(i + 1).text ?? '').trim());
    if (cells.every((c) => !c) || cells[0].startsWith('（示例')) continue;
    rows.push({ row: r, cells });
  }
  return rows;
}
