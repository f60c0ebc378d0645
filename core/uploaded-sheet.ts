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
