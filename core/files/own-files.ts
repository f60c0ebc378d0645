/**
 * A request, a supplement or a visit may carry only files its caller uploaded, in this deployment:
 * - local (self-hosted): `local://uploads/<name>`, where the upload record names the caller as owner;
 * - CloudBase: `cloud://<env>.<bucket>/uploads/<caller's openid>/<name>`, the folder the app uploads to
 *   (storage rules let a user write only there), in this app's environment when it is known.
 * Anything else (another user's photo, `local://uploads/../app.db`, any other `cloud://` id, a name
 * never uploaded) is refused with FILE_NOT_ALLOWED. One store read, for local files only.
 */
import { C } from '../collections';
import type { Ctx } from '../context';
import { AppError } from '../errors';

const LOCAL = /^local:\/\/uploads\/([a-f0-9]{24}\.(?:jpg|png|webp|gif|xlsx))$/;
const CLOUD = /^cloud:\/\/([\w-]+)\.[\w-]+\/uploads\/([\w-]{6,64})\/[\w-]{1,64}\.(?:jpg|jpeg|png|webp|gif|heic|xlsx)$/;

type UploadRecord = { _id: string; ownerId: string };

export async function requireOwnFiles(ctx: Ctx, fileIDs: string[], what = '图片'): Promise<void> {
  if (!fileIDs.length) return;
  const refuse = () => { throw new AppError('FILE_NOT_ALLOWED', `${what}无效：只能使用您本人刚上传的${what}，请重新上传`); };
  const local: string[] = [];
  for (const id of fileIDs) {
    const l = LOCAL.exec(id);
    if (l) { local.push(l[1]); continue; }
    const c = CLOUD.exec(id);
    if (!c || c[2] !== ctx.user.openid) refuse();
    const env = ctx.ports.config?.cloudEnv;
    if (env && c![1] !== env) refuse();
  }
  if (!local.length) return;
  const names = [...new Set(local)];
  const found = await ctx.ports.store.collection<UploadRecord>(C.uploads).find({ _id: { $in: names } }, { limit: names.length });
  if (found.length !== names.length || found.some((f) => f.ownerId !== ctx.user._id)) refuse();
}

/** The folder a user uploads to on CloudBase (the client builds its cloudPath from it). */
export const cloudUploadDir = (openid: string) => `uploads/${openid}`;
