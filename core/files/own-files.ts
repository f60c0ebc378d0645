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

const LOCAL = /^local:\/\/uploads\/([a-f0-9]{24}\.([a-z]{3,4}))$/;
const CLOUD = /^cloud:\/\/([\w-]+)\.[\w-]+\/uploads\/([\w-]{6,64})\/[\w-]{1,64}\.([a-z]{3,4})$/;
/** what a photo (a request's, a visit's) or an import may be, as before attachments */
const PHOTO_EXTS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'heic', 'xlsx'];

/** the record the local upload route keeps (server/app.ts UploadRecord) */
export type OwnUpload = { _id: string; ownerId: string; type?: string; size?: number; name?: string };

/**
 * Refuses any file the caller did not upload in this deployment (FILE_NOT_ALLOWED), or whose
 * extension is none of `exts`; answers the upload records of the local ones, by fileID.
 */
export async function ownUploads(ctx: Ctx, fileIDs: string[], what = '图片', exts: readonly string[] = PHOTO_EXTS): Promise<Map<string, OwnUpload>> {
  const records = new Map<string, OwnUpload>();
  if (!fileIDs.length) return records;
  const refuse = () => { throw new AppError('FILE_NOT_ALLOWED', `${what}无效：只能使用您本人刚上传的${what}，请重新上传`); };
  const local = new Map<string, string>();
  for (const id of fileIDs) {
    const l = LOCAL.exec(id);
    if (l) {
      if (!exts.includes(l[2])) refuse();
      local.set(l[1], id);
      continue;
    }
    const c = CLOUD.exec(id);
    if (!c || c[2] !== ctx.user.openid || !exts.includes(c[3])) refuse();
    const env = ctx.ports.config?.cloudEnv;
    if (env && c![1] !== env) refuse();
  }
  if (!local.size) return records;
  const names = [...local.keys()];
  const found = await ctx.ports.store.collection<OwnUpload>(C.uploads).find({ _id: { $in: names } }, { limit: names.length });
  if (found.length !== names.length || found.some((f) => f.ownerId !== ctx.user._id)) refuse();
  for (const f of found) records.set(local.get(f._id)!, f);
  return records;
}

export async function requireOwnFiles(ctx: Ctx, fileIDs: string[], what = '图片'): Promise<void> {
  await ownUploads(ctx, fileIDs, what);
}

/** The folder a user uploads to on CloudBase (the client builds its cloudPath from it). */
export const cloudUploadDir = (openid: string) => `uploads/${openid}`;
