/**
 * 代报: a liaison (特派员) or a grid officer (网格员) files a request for an enterprise it looks after,
 * as both sides check it: the officer's form before sending, request.fileFor on arrival
 * (core/intake/file-for.ts). The same form as the enterprise's own, plus which enterprise.
 */
import { SubmitInput } from './requests';
import { z, zId } from './schema';

export const FileForInput = SubmitInput.extend({ enterpriseId: zId });

/** request.fileForOptions: the enterprises the caller may file for, optionally those whose name holds `q` */
export const FileForOptionsInput = z.object({
  q: z.string().trim().max(40, '企业名称最多40字').optional(),
});
