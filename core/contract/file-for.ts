/**
 * 代报: a liaison (特派员) or a grid officer (网格员) files a request for an enterprise it looks after,
 * a CPPCC member (政协委员直通车) for a bound enterprise of the district, as both sides check it: the
 * filer's form before sending, request.fileFor on arrival (core/intake/file-for.ts). The same form as
 * the enterprise's own, plus which enterprise. request.filedByMe: what the caller filed, by tab.
 */
import { OPEN_STATUSES, STATUSES, type RequestStatus } from './catalog';
import { PageInput } from './account';
import { SubmitInput } from './requests';
import { z, zId } from './schema';

export const FileForInput = SubmitInput.extend({ enterpriseId: zId });

/** request.fileForOptions: the enterprises the caller may file for, optionally those whose name holds `q` */
export const FileForOptionsInput = z.object({
  q: z.string().trim().max(40, '企业名称最多40字').optional(),
});

/** request.filedByMe's tabs: still being handled (open), answered or ended (resolved, closed, rejected...), everything */
export const FILED_TABS = ['open', 'answered', 'all'] as const;

/**
 * Which statuses each 我代报 tab lists: open; answered, which is every status that is not open
 * (answered 待评价, closed, rejected, and any later one such as 并件); all. The home page's figures
 * count by the same sets, so a badge and its tab agree.
 */
export const FILED_TAB_STATUSES: Record<(typeof FILED_TABS)[number], readonly RequestStatus[] | undefined> = {
  open: OPEN_STATUSES,
  answered: (Object.keys(STATUSES) as RequestStatus[]).filter((s) => !OPEN_STATUSES.includes(s)),
  all: undefined,
};
export const FiledByMeInput = PageInput.extend({
  tab: z.enum(FILED_TABS, { errorMap: () => ({ message: '诉求分类不正确' }) }).default('open'),
});
