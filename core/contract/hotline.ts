/**
 * 12345 热线工单导入: the hotline's .xlsx export, checked by a dry run and then imported
 * (core/intake/hotline.ts), as both sides check the call.
 */
import { z } from './schema';

export const HotlineImportInput = z.object({
  fileID: z.string({ required_error: '请先上传文件' }).min(1, '请先上传文件').max(300),
  confirm: z.boolean().optional().default(false),
});

/** the export's columns, by any of the names hotline systems give them (the first name is ours) */
export const HOTLINE_COLUMNS = {
  no: ['工单编号', '工单号', '受理编号', '热线编号'],
  at: ['来电时间', '受理时间', '登记时间'],
  name: ['企业名称', '单位名称', '诉求单位'],
  creditCode: ['统一社会信用代码', '信用代码'],
  category: ['诉求类别', '问题分类', '事项分类', '业务类别'],
  content: ['诉求内容', '问题描述', '来电内容', '工单内容'],
  phone: ['联系电话', '来电号码', '联系方式'],
} as const;
export type HotlineColumn = keyof typeof HOTLINE_COLUMNS;
/** rows one file may hold: each new one is a request's unit of work, written a slice per call */
export const MAX_HOTLINE_ROWS = 2000;
