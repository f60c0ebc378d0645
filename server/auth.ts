/**
 * Sign-in for the self-hosted deployment (local mode run as a real district). In WeChat nothing of this
 * applies: getWXContext().OPENID is the only identity there.
 *
 * - accounts: one per phone number, a slow salted hash (scrypt) of the password, and the openid the
 *   account acts as (the same key every use case already resolves a caller by);
 * - sessions: random bearer tokens stored as their SHA-256 only, with idle and absolute limits;
 *   a password change ends every session of that user, deactivation ends them at the next call;
 * - throttles: 5 failures lock an account, or an address, for 15 minutes (settings below); invite and
 *   bootstrap codes are throttled per address the same way;
 * - every sign-in, failure, lock, sign-out and password change goes into the audit log.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { C } from '../core/collections';
import type { AuditEntry, Session, User } from '../core/model';
import { StoreError, type Ports } from '../core/ports';
import { AppError } from '../core/errors';

export type AuthSettings = {
  /** a session unused this long ends */
  idleMinutes: number;
  /** a session ends this long after sign-in, used or not */
  maxHours: number;
  /**
   * failures within lockMinutes that lock an account; an address (a whole office behind one NAT may share
   * it) locks after 4 times as many sign-in failures, or 2 times as many invite-code failures
   */
  maxFailures: number;
  lockMinutes: number;
};

export const AUTH_DEFAULTS: AuthSettings = { idleMinutes: 12 * 60, maxHours: 7 * 24, maxFailures: 5, lockMinutes: 15 };

export type Account = {
  _id: string; // the phone number
  openid: string;
  userId: string;
  hash: string; // scrypt$N$r$p$salt$key (base64)
  createdAt: string;
  passwordChangedAt: string;
  /** reserved while an invite is being redeemed; a failed redemption removes it */
  pending?: boolean;
};

type Throttle = { _id: string; failures: number; firstAt: string; lockedUntil: string | null };

export const PHONE = /^1[3-9]\d{9}$/;
const SCRYPT = { N: 1 << 15, r: 8, p: 1, keyLen: 32 };

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keyLen: number): Promise<Buffer> {
  return new Promise((ok, bad) =>
    scrypt(password.normalize('NFKC'), salt, keyLen, { N, r, p, maxmem: 256 * N * r }, (e, key) => (e ? bad(e) : ok(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt') return false;
  const expected = Buffer.from(key, 'base64');
  const got = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), expected.length);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** a hash nobody's password matches, so an unknown phone costs the same time as a wrong password */
let decoy: Promise<string> | null = null;

/**
 * scrypt is slow on purpose (~100 ms, 32 MiB): cap how many run at once, so a flood of sign-ins or
 * sign-ups cannot stall the server, and how many attempts on one phone may be in flight, so parallel
 * guesses cannot all pass the lock check before the first failure is counted.
 */
const MAX_HASHING = 16;
const MAX_IN_FLIGHT_PER_PHONE = 2;
let hashing = 0;
const inFlight = new Map<string, number>();
async function withHashSlot<T>(phone: string | null, run: () => Promise<T>): Promise<T> {
  if (hashing >= MAX_HASHING) throw new AppError('RATE_LIMITED', '系统繁忙，请稍后再试');
  if (phone && (inFlight.get(phone) ?? 0) >= MAX_IN_FLIGHT_PER_PHONE) throw new AppError('TOO_MANY_ATTEMPTS', '操作过于频繁，请稍后再试');
  hashing++;
  if (phone) inFlight.set(phone, (inFlight.get(phone) ?? 0) + 1);
  try {
    return await run();
  } finally {
    hashing--;
    if (phone) {
      const n = (inFlight.get(phone) ?? 1) - 1;
      if (n) inFlight.set(phone, n);
      else inFlight.delete(phone);
    }
  }
}

/** The password rule, in the words the page shows. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string' || !password) return '请设置密码';
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 64) return '密码不能超过 64 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码需同时包含字母和数字';
  return null;
}

const tokenKey = (token: string) => createHash('sha256').update(token).digest('hex');

/** The address a request came from: the socket's, or the proxy's X-Forwarded-For entry when TRUST_PROXY is set. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    // the right-most entry is the one our own proxy appended; anything left of it the client could forge
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded.length) return forwarded[forwarded.length - 1];
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export function createAuth(ports: Ports, opts: { settings?: Partial<AuthSettings> } = {}) {
  const store = ports.store;
  const accounts = store.collection<Account>('accounts');
  const sessions = store.collection<Session>(C.sessions);
  const throttles = store.collection<Throttle>('throttles');
  const users = store.collection<User>(C.users);
  const now = () => ports.clock.now();

  async function settings(): Promise<AuthSettings> {
    const doc = await store.collection(C.settings).get('auth');
    const s = { ...AUTH_DEFAULTS, ...(opts.settings ?? {}) } as AuthSettings;
    for (const k of Object.keys(AUTH_DEFAULTS) as Array<keyof AuthSettings>) {
      const v = doc?.[k];
      if (typeof v === 'number' && Number.isFinite(v) && v > 0) s[k] = v;
    }
    return s;
  }

  async function record(action: string, summary: string, actor: { id: string; name: string } | null, entityId: string) {
    const at = now();
    await store.collection<AuditEntry>(C.audit).add({
      _id: `a-${at.getTime().toString(36)}-${randomBytes(6).toString('hex')}`,
      at: at.toISOString(), actorId: actor?.id ?? '', actorName: actor?.name ?? '（未登录）', action, entity: 'auth', entityId, summary,
      before: null, after: null,
    });
  }

  // --- throttling -------------------------------------------------------------------------------------
  /** throws TOO_MANY_ATTEMPTS while any of the keys is locked */
  async function checkLocks(keys: string[], what: string) {
    const at = now().toISOString();
    for (const key of keys) {
      const t = await throttles.get(key);
      if (t?.lockedUntil && t.lockedUntil > at) {
        const minutes = Math.max(1, Math.ceil((Date.parse(t.lockedUntil) - Date.parse(at)) / 60_000));
        throw new AppError('TOO_MANY_ATTEMPTS', `${what}错误次数过多，请${minutes}分钟后再试`);
      }
    }
  }

  /** how many failures lock this key */
  const limitOf = (key: string, s: AuthSettings) =>
    key.startsWith('login:addr:') ? s.maxFailures * 4 : key.startsWith('invite:addr:') || key.startsWith('register:addr:') ? s.maxFailures * 2 : s.maxFailures;

  /** one more failure on each key; returns how many tries are left before the first key locks */
  async function fail(keys: string[]): Promise<{ left: number; locked: boolean }> {
    const s = await settings();
    const at = now();
    let left = Infinity;
    let locked = false;
    for (const key of keys) {
      const max = limitOf(key, s);
      const t = await throttles.get(key);
      const windowOver = !t || Date.parse(t.firstAt) + s.lockMinutes * 60_000 <= at.getTime() || (t.lockedUntil && t.lockedUntil <= at.toISOString());
      if (windowOver) {
        try {
          if (t) await throttles.update(key, { $set: { failures: 0, firstAt: at.toISOString(), lockedUntil: null } }, { firstAt: t.firstAt });
          else await throttles.add({ _id: key, failures: 0, firstAt: at.toISOString(), lockedUntil: null });
        } catch (e) {
          if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e; // a concurrent failure made it
        }
      }
      const failures = await throttles.increment(key, 'failures', 1);
      if (failures >= max) {
        await throttles.update(key, { $set: { lockedUntil: new Date(at.getTime() + s.lockMinutes * 60_000).toISOString() } });
        locked = true;
      }
      left = Math.min(left, Math.max(0, max - failures));
    }
    return { left, locked };
  }

  const clear = async (key: string) => { await throttles.remove(key); };

  // --- sessions ---------------------------------------------------------------------------------------
  async function startSession(user: User, kind: Session['kind']): Promise<{ token: string; expiresAt: string }> {
    const s = await settings();
    const token = randomBytes(32).toString('base64url');
    const at = now();
    const expiresAt = new Date(at.getTime() + s.maxHours * 3600_000).toISOString();
    await sessions.add({ _id: tokenKey(token), openid: user.openid, userId: user._id, kind, createdAt: at.toISOString(), lastSeenAt: at.toISOString(), expiresAt });
    return { token, expiresAt };
  }

  /**
   * The caller behind a bearer token, or why there is none. Ends sessions that ran out, and those of a
   * user who has been deactivated (or whose password changed: their sessions were removed then).
   */
  async function caller(authorization: string | undefined): Promise<{ openid: string; token: string; holders: User[] } | { error: AppError } | null> {
    const m = /^Bearer\s+([\w-]{16,128})$/.exec(authorization ?? '');
    if (!m) return null;
    const key = tokenKey(m[1]);
    const session = await sessions.get(key);
    if (!session) return { error: new AppError('UNAUTHENTICATED', '登录已失效，请重新登录') };
    const s = await settings();
    const at = now();
    const idleEnd = Date.parse(session.lastSeenAt ?? session.createdAt) + s.idleMinutes * 60_000;
    const absoluteEnd = session.expiresAt ? Date.parse(session.expiresAt) : Date.parse(session.createdAt) + s.maxHours * 3600_000;
    if (at.getTime() >= Math.min(idleEnd, absoluteEnd)) {
      await sessions.remove(key);
      return { error: new AppError('UNAUTHENTICATED', '登录已过期，请重新登录') };
    }
    // the same read the function's caller lookup makes (core/repos/users byOpenid): handed on, not repeated
    const holders = await users.find({ openid: session.openid }, { limit: 2 });
    const user = holders.find((u) => u._id === session.userId) ?? holders[0];
    if (user && !user.active) {
      await sessions.remove(key);
      return { error: new AppError('UNAUTHENTICATED', '账号已停用，请联系管理员') };
    }
    // a session from before a deactivation stays ended after the user is activated again
    const deactivatedAt = (user as (User & { deactivatedAt?: string }) | undefined)?.deactivatedAt;
    if (deactivatedAt && session.createdAt <= deactivatedAt) {
      await sessions.remove(key);
      return { error: new AppError('UNAUTHENTICATED', '登录已失效，请重新登录') };
    }
    // remember use at most once a minute: one write per minute of activity, not per call
    if (at.getTime() - Date.parse(session.lastSeenAt ?? session.createdAt) > 60_000) {
      await sessions.update(key, { $set: { lastSeenAt: at.toISOString() } });
    }
    return { openid: session.openid, token: m[1], holders };
  }

  async function endSession(token: string) {
    const key = tokenKey(token);
    const session = await sessions.get(key);
    if (!session) return false;
    await sessions.remove(key);
    const [user] = await users.find({ openid: session.openid }, { limit: 1 });
    if (user) await record('auth.logout', `${user.name} 退出登录`, { id: user._id, name: user.name }, user._id);
    return true;
  }

  /** end every session of one openid (password change); paged, as the store reads are */
  async function endAllSessions(openid: string) {
    for (;;) {
      const batch = await sessions.find({ openid }, { limit: 100 });
      if (!batch.length) return;
      for (const s of batch) await sessions.remove(s._id);
    }
  }

  // --- accounts ---------------------------------------------------------------------------------------
  const accountKey = (phone: string) => `login:phone:${phone}`;
  const addressKey = (address: string) => `login:addr:${address}`;
  const inviteKey = (address: string) => `invite:addr:${address}`;
  const registerKey = (address: string) => `register:addr:${address}`;

  async function login(phone: unknown, password: unknown, address: string) {
    if (typeof phone !== 'string' || !PHONE.test(phone.trim())) throw new AppError('VALIDATION_FAILED', '请输入11位手机号');
    if (typeof password !== 'string' || !password) throw new AppError('VALIDATION_FAILED', '请输入密码');
    const p = phone.trim();
    await checkLocks([accountKey(p), addressKey(address)], '密码');
    const account = await accounts.get(p);
    decoy ??= hashPassword(randomBytes(16).toString('hex'));
    const good = await withHashSlot(p, async () =>
      account && !account.pending ? verifyPassword(password, account.hash) : (await verifyPassword(password, await decoy!), false),
    );
    if (!good) {
      const { left, locked } = await fail([accountKey(p), addressKey(address)]);
      const masked = `${p.slice(0, 3)}****${p.slice(7)}`;
      await record(locked ? 'auth.locked' : 'auth.login_failed', `${masked} 登录失败${locked ? '，已锁定' : ''}（来自 ${address}）`, null, account?.userId ?? masked);
      if (locked) {
        const s = await settings();
        throw new AppError('TOO_MANY_ATTEMPTS', `密码错误次数过多，请${s.lockMinutes}分钟后再试`);
      }
      throw new AppError('BAD_CREDENTIALS', `手机号或密码错误${left <= 2 ? `，还可尝试${left}次` : ''}`);
    }
    // a guess that raced others past the first check: if they locked the account meanwhile, this one is refused too
    await checkLocks([accountKey(p), addressKey(address)], '密码');
    const [user] = await users.find({ openid: account!.openid }, { limit: 1 });
    if (!user || !user.active) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员');
    await clear(accountKey(p));
    await record('auth.login', `${user.name} 登录（来自 ${address}）`, { id: user._id, name: user.name }, user._id);
    return { ...(await startSession(user, 'password')), user };
  }

  /**
   * Reserve a phone number for a new account before anything else is written, so two sign-ups with one
   * number cannot both succeed; `finish` fills it in, `abandon` frees it.
   */
  async function reserve(phone: unknown, password: unknown): Promise<{ phone: string; hash: string; openid: string }> {
    if (typeof phone !== 'string' || !PHONE.test(phone.trim())) throw new AppError('VALIDATION_FAILED', '请输入11位手机号');
    const problem = passwordProblem(password);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    const p = phone.trim();
    const hash = await withHashSlot(null, () => hashPassword(password as string));
    const openid = `pw-${randomBytes(16).toString('hex')}`;
    const at = now().toISOString();
    try {
      await accounts.add({ _id: p, openid, userId: '', hash, createdAt: at, passwordChangedAt: at, pending: true });
    } catch (e) {
      if (e instanceof StoreError && e.code === 'DUPLICATE_ID') throw new AppError('CONFLICT', '该手机号已注册，请直接登录');
      throw e;
    }
    return { phone: p, hash, openid };
  }

  async function finish(phone: string, user: User) {
    await accounts.update(phone, { $set: { userId: user._id, openid: user.openid, pending: false } });
  }

  const abandon = async (phone: string) => { await accounts.remove(phone); };

  async function changePassword(openid: string, oldPassword: unknown, newPassword: unknown, address: string) {
    const [account] = await accounts.find({ openid }, { limit: 1 });
    if (!account) throw new AppError('NOT_FOUND', '当前账号未设置密码');
    await checkLocks([accountKey(account._id), addressKey(address)], '密码');
    if (typeof oldPassword !== 'string' || !(await verifyPassword(oldPassword, account.hash))) {
      await fail([accountKey(account._id), addressKey(address)]);
      throw new AppError('BAD_CREDENTIALS', '原密码不正确');
    }
    const problem = passwordProblem(newPassword);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    const hash = await hashPassword(newPassword as string);
    await accounts.update(account._id, { $set: { hash, passwordChangedAt: now().toISOString() } });
    await endAllSessions(openid);
    const [user] = await users.find({ openid }, { limit: 1 });
    await record('auth.password', `${user?.name ?? account._id} 修改密码，其他登录已全部退出`, user ? { id: user._id, name: user.name } : null, account.userId);
    return user ? startSession(user, 'password') : null;
  }

  return {
    settings, caller, login, reserve, finish, abandon, changePassword, endSession, endAllSessions, startSession, record,
    checkLocks, fail, clear, addressKey, inviteKey, registerKey,
    /** the account of an openid, if it has one (for the 我的 page: 修改密码 is offered only then) */
    accountOf: async (openid: string) => (await accounts.find({ openid }, { limit: 1 }))[0] ?? null,
  };
}

export type Auth = ReturnType<typeof createAuth>;
