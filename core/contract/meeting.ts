/**
 * 茶叙会/企业家日 (meeting entry): a dispatcher records a meeting with enterprises and the problems
 * they raised, one request per problem (core/intake/meeting.ts), as both sides check it.
 */
import { zCategory } from './category-input';
import { SubmitFields } from './requests';
import { z, zDate, zId } from './schema';

export const MEETING_KINDS = { tea: '茶叙会', day: '企业家日', forum: '政企座谈会' } as const;
export type MeetingKind = keyof typeof MEETING_KINDS;
/** problems one record takes: each is a request's unit of work (about 8 store calls), all inside one call */
export const MAX_MEETING_PROBLEMS = 10;

export const MeetingProblem = SubmitFields.omit({ photos: true }).extend({
  enterpriseId: zId,
  category: zCategory('请选择诉求类别'),
});

export const MeetingInput = z.object({
  clientKey: z.string({ required_error: '缺少提交编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '提交编号不正确'),
  kind: z.enum(Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]], { errorMap: () => ({ message: '请选择会议类型' }) }),
  date: zDate('请选择会议日期'),
  title: z.string({ required_error: '请填写会议名称' }).trim().min(2, '会议名称至少2个字').max(60, '会议名称最多60字'),
  problems: z.array(MeetingProblem).min(1, '请至少录入一个问题').max(MAX_MEETING_PROBLEMS, `一次最多录入${MAX_MEETING_PROBLEMS}个问题，其余请再录一次`),
});
