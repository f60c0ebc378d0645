/**
 * 事项清单 Excel 导入's inputs and template columns (core/knowledge/items-import.ts), like the knowledge
 * base's (./knowledge.ts). No imports beyond the contract: the mini-program bundles it.
 */
import { z } from './schema';

/** items.import: the workbook the admin uploaded, checked (dry run) or written (confirm) */
export const ItemImportInput = z.object({
  fileID: z.string({ required_error: '请先上传文件' }).min(1, '请先上传文件').max(300),
  confirm: z.boolean().optional().default(false),
});

/** the template's columns (items.template), in order */
export const ITEM_IMPORT_COLUMNS = ['事项名称', '类别', '责任部门', '责任单位', '层级', '办理时限类别', '关键词', '常见说法', '法律依据'] as const;
export const MAX_ITEM_IMPORT_ROWS = 2000;
