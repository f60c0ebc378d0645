/**
 * The knowledge base's inputs (core/knowledge): what the submit page sends while the enterprise types,
 * and when an answer settled its question; what the console sends to keep the base.
 */
import { zCategory } from './category-input';
import { MAX_DESCRIPTION } from './limits';
import { isCalendarDate, z, zId } from './schema';

/** answers suggested per text, and the most a request records as shown to its enterprise */
export const MAX_SHOWN_ANSWERS = 5;
export const MAX_KB_QUESTION = 200;
export const MAX_KB_ANSWER = 2000;
export const MAX_KB_PHRASINGS = 10;

/** kb.suggest: the text typed so far (short texts suggest nothing; the page waits for a few characters) */
export const SuggestInput = z.object({
  text: z.string({ required_error: '缺少要匹配的内容' }).trim().max(MAX_DESCRIPTION, `内容不能超过${MAX_DESCRIPTION}字`),
});

/** kb.helped: "已解决，不用提交" on an answer, counted once per page key */
export const HelpedInput = z.object({
  entryId: zId,
  clientKey: z.string({ required_error: '缺少提交编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '提交编号不正确'),
  text: z.string().trim().max(MAX_DESCRIPTION, `内容不能超过${MAX_DESCRIPTION}字`).optional(),
});

/** the ids of the answers the submit page showed before the enterprise chose 仍需提交 */
export const zShownAnswers = z.array(zId).max(MAX_SHOWN_ANSWERS, `最多记录${MAX_SHOWN_ANSWERS}条已展示的答复`).default([]);

const zOptionalDate = z.union([
  z.literal('').transform(() => null),
  z.null(),
  z.string().refine(isCalendarDate, '日期格式应为 YYYY-MM-DD'),
]).optional();

/** kb.save: a new entry (no id) or an edit of one */
export const KbSaveInput = z.object({
  id: zId.optional(),
  question: z.string({ required_error: '请填写问题' }).trim().min(4, '问题至少4个字').max(MAX_KB_QUESTION, `问题不能超过${MAX_KB_QUESTION}字`),
  answer: z.string({ required_error: '请填写答复' }).trim().min(10, '答复至少10个字').max(MAX_KB_ANSWER, `答复不能超过${MAX_KB_ANSWER}字`),
  category: zCategory('请选择类别（所选类别不存在）'),
  departmentId: z.union([zId, z.literal('').transform(() => null), z.null()]).optional(),
  phrasings: z.array(z.string().trim().min(2, '问法至少2个字').max(MAX_KB_QUESTION, `问法不能超过${MAX_KB_QUESTION}字`))
    .max(MAX_KB_PHRASINGS, `最多${MAX_KB_PHRASINGS}种问法`).default([]),
  validFrom: zOptionalDate,
  validTo: zOptionalDate,
}).refine((v) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo, { message: '有效期的结束日期不能早于开始日期', path: ['validTo'] });

/** kb.import: the workbook the admin uploaded, checked (dry run) or written (confirm) */
export const KbImportInput = z.object({
  fileID: z.string({ required_error: '请先上传文件' }).min(1, '请先上传文件').max(300),
  confirm: z.boolean().optional().default(false),
});
/** the template's columns (kb.template), in order */
export const KB_IMPORT_COLUMNS = ['问题', '答复', '类别', '责任部门', '其他问法', '生效日期', '失效日期'] as const;
export const MAX_KB_IMPORT_ROWS = 2000;

/** kb.list: the console's pages, newest edit first, optionally only what a word matches */
export const KbListInput = z.object({
  page: z.number().int().min(1).max(1000).default(1),
  q: z.string().trim().max(50, '搜索词不能超过50字').optional(),
  inactive: z.boolean().optional(),
});

/** kb.remove: takes an entry out of the suggestions (kept, and can be restored by saving it) */
export const KbRemoveInput = z.object({ id: zId, restore: z.boolean().optional() });
