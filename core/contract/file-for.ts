/**
 * 代报: a liaison (特派员) or a grid officer (网格员) files a request for an enterprise it looks after,
 * a CPPCC member (政协委员直通车) for a bound enterprise of the district, as both sides check it: the
 * filer's form before sending, request.fileFor on arrival (core/intake/file-for.ts). The same form as
 * the enterprise's own, plus which enterprise. request.filedByMe: what the caller filed, by tab.
 */
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
export const FiledByMeInput = PageInput.extend({
  tab: z.enum(FILED_TABS, { errorMap: () => ({ message: '诉求分类不正确' }) }).default('open'),
});
