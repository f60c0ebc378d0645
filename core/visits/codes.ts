/**
 * Scene mapping. Every enterprise posts its own code (公务入企码) and every official carries a
 * personal one (亮证码). A code's scene is a random base62 token — short enough for
 * wxacode.getUnlimited (≤ 32 characters), far too long to guess (20 characters ≈ 119 bits),
 * and unrelated to the enterprise's id, so nobody can print a code for an enterprise they
 * have not been given. The token maps to its owner in the visit_codes collection; a revoked
 * code (a poster that leaked or was forged) stops resolving.
 */
import { randomBytes } from 'crypto';
import { C } from '../collections';
import { AppError } from '../errors';
import { StoreError, type Ports } from '../ports';
import type { VisitCode } from './model';
import { CODE_PAGES, codeLink, isSceneShaped } from '../contract/visits';

export { CODE_PAGES, codeLink, isSceneShaped, sceneFrom } from '../contract/visits';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SCENE_LENGTH = 20;

/** a uniformly random base62 token (rejection sampling keeps every character equally likely) */
export function newScene(length = SCENE_LENGTH): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += ALPHABET[b % 62];
    }
  }
  return out;
}

const INVALID = '二维码无效：这不是本平台的公务入企码，请扫描企业现场张贴的二维码';
const REVOKED = '该二维码已作废，请扫描企业现场张贴的最新公务入企码';

/** scene → its code; unknown, malformed and revoked scenes all fail with CODE_INVALID */
export async function resolveScene(ports: Ports, scene: unknown): Promise<VisitCode> {
  if (!isSceneShaped(scene)) throw new AppError('CODE_INVALID', INVALID);
  const code = await ports.store.collection<VisitCode>(C.visitCodes).get(scene);
  if (!code) throw new AppError('CODE_INVALID', INVALID);
  if (code.revoked) throw new AppError('CODE_INVALID', REVOKED);
  return code;
}

async function currentCode(ports: Ports, owner: { enterpriseId: string } | { userId: string }, now: Date): Promise<VisitCode> {
  const codes = ports.store.collection<VisitCode>(C.visitCodes);
  const kind: VisitCode['kind'] = 'enterpriseId' in owner ? 'enterprise' : 'official';
  const live = await codes.find({ ...owner, kind, revoked: false }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit: 5 });
  if (live.length) return live[0];
  for (let attempt = 0; attempt < 3; attempt++) {
    const code: VisitCode = {
      _id: newScene(), kind,
      enterpriseId: 'enterpriseId' in owner ? owner.enterpriseId : null,
      userId: 'userId' in owner ? owner.userId : null,
      revoked: false, revokedAt: null, image: null, createdAt: now.toISOString(),
    };
    try {
      await codes.add(code);
    } catch (e) {
      if (e instanceof StoreError && e.code === 'DUPLICATE_ID') continue;
      throw e;
    }
    // two first calls may race: the oldest live code wins, so every caller gets the same one
    const [first] = await codes.find({ ...owner, kind, revoked: false }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit: 1 });
    return first ?? code;
  }
  throw new AppError('INTERNAL', '系统繁忙，请稍后再试');
}

export const enterpriseCode = (ports: Ports, enterpriseId: string, now: Date) => currentCode(ports, { enterpriseId }, now);
export const officialCode = (ports: Ports, userId: string, now: Date) => currentCode(ports, { userId }, now);

/** revoke every live code of the owner and issue a new one */
export async function renewCode(ports: Ports, code: VisitCode, now: Date): Promise<VisitCode> {
  const codes = ports.store.collection<VisitCode>(C.visitCodes);
  const owner = code.kind === 'enterprise' ? { enterpriseId: code.enterpriseId! } : { userId: code.userId! };
  for (const c of await codes.find({ ...owner, kind: code.kind, revoked: false }, { limit: 20 })) {
    await codes.update(c._id, { $set: { revoked: true, revokedAt: now.toISOString() } });
  }
  return currentCode(ports, owner, now);
}

/**
 * The code's image, made once per mini-program version through the QrCode port and kept on the code:
 * a code made while the deployment served the trial version must not be handed out once it serves the
 * released one (it would open the trial version).
 */
export async function codeImage(ports: Ports, code: VisitCode): Promise<{ fileID: string; url: string }> {
  const version = ports.qrCode?.version ?? '';
  if (code.image && (code.image.version ?? '') === version) return { fileID: code.image.fileID, url: code.image.url };
  if (!ports.qrCode) throw new AppError('INTERNAL', '二维码服务未配置');
  const image = await ports.qrCode.image(CODE_PAGES[code.kind], code._id);
  await ports.store.collection<VisitCode>(C.visitCodes).update(code._id, { $set: { image: { ...image, ...(version ? { version } : {}) } } });
  return image;
}

/** what pages get for a code */
export async function codeView(ports: Ports, code: VisitCode) {
  return { scene: code._id, kind: code.kind, link: codeLink(code.kind, code._id), image: await codeImage(ports, code), createdAt: code.createdAt };
}
