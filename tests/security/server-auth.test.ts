/**
 * The self-hosted deployment as an outsider meets it, over HTTP: the two modes, sign-up, sign-in and its
 * throttle, session limits, sign-out, password change, deactivation, invite-code guessing, uploads that are
 * not what they claim, oversized bodies, files that are not the caller's, and the headers every answer carries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { startLocalServer } from '../../server/app';
import { fakeClock } from '../../adapters/local-ports';
import { C } from '../../core/collections';
import type { User } from '../../core/model';
import { requireOwnFiles } from '../../core/files/own-files';
import { functionOf } from '../../core/functions';

jest.setTimeout(120_000); // scrypt is slow on purpose; many hashes on a busy 2-core machine

const root = join(__dirname, '../..');
type Answer = { status: number; body: any; headers: Headers };

async function start(opts: { seed: boolean; clock?: ReturnType<typeof fakeClock>; bootstrapAdminCode?: string }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'yszt-auth-'));
  const server = await startLocalServer({
    port: 0, dataDir, h5Dir: join(dataDir, 'no-h5'), functionsDir: join(root, 'cloudfunctions'), timers: false, log: () => {},
    trustProxy: true, ...opts,
  });
  const base = `http://127.0.0.1:${server.port}`;
  let addr = 0;
  /** each caller gets its own address unless told, so one test's failures do not lock another's */
  const call = async (path: string, body?: unknown, o: { token?: string; from?: string; type?: string; raw?: Buffer | string } = {}): Promise<Answer> => {
    const res = await fetch(base + path, {
      method: body === undefined && o.raw === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': o.type ?? 'application/json',
        'x-forwarded-for': o.from ?? `10.0.0.${++addr}`,
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      },
      body: (o.raw !== undefined ? o.raw : body === undefined ? undefined : JSON.stringify(body)) as BodyInit | undefined,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  // each action to the function that answers it, as the app sends it (src/services/routing.ts)
  const service = (token: string, event: Record<string, unknown>) => call(`/api/${functionOf(event.action)}`, event, { token });
  return { server, base, call, service, close: async () => { await server.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

const png = () => {
  const p = new PNG({ width: 2, height: 2 });
  p.data.fill(200);
  return PNG.sync.write(p);
};

describe('a real district (SEED=empty)', () => {
  let t: Awaited<ReturnType<typeof start>>;
  const clock = fakeClock('2026-11-23T02:00:00Z');
  beforeAll(async () => { t = await start({ seed: false, clock, bootstrapAdminCode: 'BOOT2026X' }); });
  afterAll(() => t.close());

  let adminToken = '';

  test('has no demo login at all, and says which mode it is in', async () => {
    expect((await t.call('/dev/users')).status).toBe(404);
    expect((await t.call('/dev/login', { userId: 'u-admin' })).status).toBe(404);
    expect(t.server.mode).toBe('district');
    expect((await t.call('/auth/mode', {})).body.data).toEqual({ mode: 'district', bootstrap: true });
  });

  test('the bootstrap code is throttled per address, and then makes the first admin with a password', async () => {
    const from = '10.9.9.9';
    for (let i = 0; i < 10; i++) { // an address may be a whole office: 10 wrong codes, not 5
      const r = await t.call('/auth/redeem', { code: `WRONG0${i}X`, phone: '13900000001', password: 'admin2026pass' }, { from });
      expect(r.body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    // locked: even the right code is refused from this address, with the wait in Chinese
    const locked = await t.call('/auth/redeem', { code: 'BOOT2026X', phone: '13900000001', password: 'admin2026pass' }, { from });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/邀请码错误次数过多，请\d+分钟后再试/) });
    // nothing half-made stays behind from the failures: no accounts, no blank users
    expect(await t.server.ports.store.collection('accounts').count({})).toBe(0);
    expect(await t.server.ports.store.collection(C.users).count({})).toBe(0);
    // a weak password is refused before the code is even looked at
    expect((await t.call('/auth/redeem', { code: 'BOOT2026X', phone: '13900000001', password: 'short' })).body).toMatchObject({ code: 'VALIDATION_FAILED', message: '密码至少 8 位' });
    const ok = await t.call('/auth/redeem', { code: 'BOOT2026X', phone: '13900000001', password: 'admin2026pass' });
    expect(ok.body).toMatchObject({ ok: true, data: { user: { roles: ['admin'] } } });
    adminToken = ok.body.data.token;
    expect((await t.service(adminToken, { action: 'admin.overview' })).body.ok).toBe(true);
    // the code is spent
    expect((await t.call('/auth/redeem', { code: 'BOOT2026X', phone: '13900000002', password: 'admin2026pass' })).body).toMatchObject({ ok: false });
  });

  test('an enterprise user registers, signs in, signs out; the phone is taken once', async () => {
    const reg = await t.call('/auth/register', { phone: '13800000011', password: 'qiye2026ok' });
    expect(reg.body).toMatchObject({ ok: true, data: { user: { roles: ['enterprise'] } } });
    expect((await t.call('/auth/register', { phone: '13800000011', password: 'another2026' })).body).toMatchObject({ code: 'CONFLICT', message: '该手机号已注册，请直接登录' });
    const me = await t.service(reg.body.data.token, { action: 'me' });
    expect(me.body.data.user).toMatchObject({ roles: ['enterprise'], enterpriseId: null });

    const login = await t.call('/auth/login', { phone: '13800000011', password: 'qiye2026ok' });
    expect(login.body.ok).toBe(true);
    expect((await t.call('/auth/logout', {}, { token: login.body.data.token })).body).toMatchObject({ ok: true });
    const after = await t.service(login.body.data.token, { action: 'me' });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    // the other session (from registering) is untouched
    expect((await t.service(reg.body.data.token, { action: 'me' })).status).toBe(200);
    // tokens are stored hashed: the bearer value itself is nowhere in the store
    expect(await t.server.ports.store.collection(C.sessions).get(reg.body.data.token)).toBeNull();
  });

  test('5 wrong passwords lock the account for 15 minutes, whatever the address; 20 lock an address; the audit log has it all', async () => {
    await t.call('/auth/register', { phone: '13800000022', password: 'right2026pw' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await t.call('/auth/login', { phone: '13800000022', password: `wrong${i}pw2026` })).body);
    expect(answers[0]).toMatchObject({ code: 'BAD_CREDENTIALS', message: '手机号或密码错误' });
    expect(answers[3]).toMatchObject({ code: 'BAD_CREDENTIALS', message: '手机号或密码错误，还可尝试1次' });
    expect(answers[4]).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: '密码错误次数过多，请15分钟后再试' });
    const locked = await t.call('/auth/login', { phone: '13800000022', password: 'right2026pw' });
    expect(locked.status).toBe(429);
    // an unknown phone answers exactly like a wrong password
    expect((await t.call('/auth/login', { phone: '13800000099', password: 'whatever2026' })).body).toMatchObject({ code: 'BAD_CREDENTIALS', message: '手机号或密码错误' });

    clock.advance(15 * 60_000 + 1000);
    expect((await t.call('/auth/login', { phone: '13800000022', password: 'right2026pw' })).body.ok).toBe(true);

    // one address spraying passwords over many phones: the 20th failure locks the address for everyone on it
    const from = '10.8.8.8';
    for (let i = 0; i < 19; i++) {
      expect((await t.call('/auth/login', { phone: `1360000${String(i).padStart(4, '0')}`, password: 'spray2026x' }, { from })).body.code).toBe('BAD_CREDENTIALS');
    }
    expect((await t.call('/auth/login', { phone: '13600000019', password: 'spray2026x' }, { from })).body.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await t.call('/auth/login', { phone: '13800000022', password: 'right2026pw' }, { from })).status).toBe(429);
    expect((await t.call('/auth/login', { phone: '13800000022', password: 'right2026pw' })).body.ok).toBe(true);
    // the admin sees them in the audit log (many share one instant of the fake clock, so look by kind)
    expect((await t.service(adminToken, { action: 'admin.audit.list', entity: 'auth' })).body.data.total).toBeGreaterThan(20);
    const audit = t.server.ports.store.collection(C.audit);
    for (const action of ['auth.login', 'auth.login_failed', 'auth.locked', 'auth.register', 'auth.redeem', 'auth.logout']) {
      expect(await audit.count({ entity: 'auth', action })).toBeGreaterThan(0);
    }
  });

  test('sessions end after the idle limit and after the absolute limit', async () => {
    await t.call('/auth/register', { phone: '13800000033', password: 'idle2026pw' });
    const s1 = (await t.call('/auth/login', { phone: '13800000033', password: 'idle2026pw' })).body.data.token;
    clock.advance(11 * 3600_000); // still within 12 h of idleness
    expect((await t.service(s1, { action: 'me' })).status).toBe(200);
    clock.advance(12 * 3600_000 + 60_000); // now idle for longer than 12 h
    const idle = await t.service(s1, { action: 'me' });
    expect(idle.status).toBe(401);
    expect(idle.body.message).toBe('登录已过期，请重新登录');

    const s2 = (await t.call('/auth/login', { phone: '13800000033', password: 'idle2026pw' })).body.data.token;
    for (let step = 0; step < 15; step++) {
      clock.advance(11 * 3600_000); // used twice a day, never idle for 12 h: 165 h after sign-in
      expect((await t.service(s2, { action: 'me' })).status).toBe(200);
    }
    clock.advance(11 * 3600_000);
    expect((await t.service(s2, { action: 'me' })).status).toBe(401); // 176 h: past 7 days from sign-in
  });

  test('a password change ends every session of that user; deactivation ends them at the next call', async () => {
    // the admin's earlier session is past its 7 days on this test's clock: sign in again
    adminToken = (await t.call('/auth/login', { phone: '13900000001', password: 'admin2026pass' })).body.data.token;
    // an officer invited by the admin opens the account with the invite code
    const grid = await t.service(adminToken, { action: 'admin.orgs.create', kind: 'district', name: '测试区' });
    expect(grid.body).toMatchObject({ ok: true });
    const invited = await t.service(adminToken, { action: 'admin.staff.invite', name: '测试调度员', phone: '13700000001', roles: ['dispatcher'], orgId: grid.body.data.org.id });
    expect(invited.body).toMatchObject({ ok: true });
    const code = invited.body.data.invite.code;
    const staff = await t.call('/auth/redeem', { code, phone: '13700000001', password: 'staff2026pw' });
    expect(staff.body).toMatchObject({ ok: true, data: { user: { roles: ['dispatcher'] } } });
    const other = (await t.call('/auth/login', { phone: '13700000001', password: 'staff2026pw' })).body.data.token;

    const changed = await t.call('/auth/password', { oldPassword: 'staff2026pw', newPassword: 'newpass2026' }, { token: staff.body.data.token });
    expect(changed.body.ok).toBe(true);
    expect((await t.service(other, { action: 'me' })).status).toBe(401);
    expect((await t.service(staff.body.data.token, { action: 'me' })).status).toBe(401);
    expect((await t.service(changed.body.data.token, { action: 'me' })).status).toBe(200);
    expect((await t.call('/auth/login', { phone: '13700000001', password: 'staff2026pw' })).body.code).toBe('BAD_CREDENTIALS');

    const fresh = (await t.call('/auth/login', { phone: '13700000001', password: 'newpass2026' })).body.data.token;
    const userId = staff.body.data.user.id;
    expect((await t.service(adminToken, { action: 'admin.staff.deactivate', id: userId, reason: '调离' })).body.ok).toBe(true);
    const gone = await t.service(fresh, { action: 'me' });
    expect(gone.status).toBe(401);
    expect(gone.body.message).toBe('账号已停用，请联系管理员');
    expect((await t.call('/auth/login', { phone: '13700000001', password: 'newpass2026' })).body).toMatchObject({ code: 'FORBIDDEN', message: '账号已停用，请联系管理员' });
    // re-activated: sessions from before the deactivation stay ended; a new sign-in works
    clock.advance(60_000);
    expect((await t.service(adminToken, { action: 'admin.staff.activate', id: userId })).body.ok).toBe(true);
    expect((await t.service(changed.body.data.token, { action: 'me' })).status).toBe(401);
    const back = (await t.call('/auth/login', { phone: '13700000001', password: 'newpass2026' })).body.data.token;
    expect((await t.service(back, { action: 'me' })).status).toBe(200);
  });

  test('invite codes sent to the service function are throttled per address too', async () => {
    const reg = await t.call('/auth/register', { phone: '13800000044', password: 'guess2026pw' });
    const from = '10.7.7.7';
    for (let i = 0; i < 10; i++) await t.call('/api/service', { action: 'invite.redeem', code: `GUESS0${i}X` }, { token: reg.body.data.token, from });
    const r = await t.call('/api/service', { action: 'invite.redeem', code: 'GUESS009' }, { token: reg.body.data.token, from });
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('TOO_MANY_ATTEMPTS');
  });

  test('uploads are sniffed from their bytes, answered 413 when too big, and referenced only by their owner', async () => {
    const a = (await t.call('/auth/register', { phone: '13800000055', password: 'upload2026a' })).body.data.token;
    await t.call('/auth/register', { phone: '13800000066', password: 'upload2026b' });
    const html = await t.call('/upload', undefined, { token: a, type: 'image/png', raw: '<html><script>alert(1)</script></html>' });
    expect(html.status).toBe(400);
    expect(html.body).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining('只能上传') });
    const exe = await t.call('/upload', undefined, { token: a, type: 'image/jpeg', raw: Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(200)]) });
    expect(exe.body.code).toBe('UNSUPPORTED_FILE');
    const big = await t.call('/upload', undefined, { token: a, type: 'image/jpeg', raw: Buffer.alloc(10 * 1024 * 1024, 0xff) });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ ok: false, code: 'TOO_LARGE', message: '图片不能超过5MB' });
    const body = await t.call('/api/service', undefined, { token: a, raw: JSON.stringify({ action: 'me', pad: 'x'.repeat(300 * 1024) }) });
    expect(body.status).toBe(413);
    expect(body.body).toMatchObject({ ok: false, code: 'TOO_LARGE', message: '提交内容过大' });

    // a real PNG, even declared as something else, is stored as what it is and served with nosniff
    const ok = await t.call('/upload', undefined, { token: a, type: 'application/octet-stream', raw: png() });
    expect(ok.body).toMatchObject({ ok: true, data: { fileID: expect.stringMatching(/^local:\/\/uploads\/[a-f0-9]{24}\.png$/) } });
    const served = await fetch(t.base + ok.body.data.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');

    // b cannot put a's photo, a path out of uploads/, a foreign cloud id or a never-uploaded name on a request
    const { ports } = t.server;
    const [userB] = await ports.store.collection<User>(C.users).find({ phone: '13800000066' }, { limit: 1 });
    const ctxB = { ports, now: clock.now(), user: userB };
    for (const fileID of [ok.body.data.fileID, 'local://uploads/../app.db', 'cloud://prod-1a2b.7072-prod/uploads/someone/x.jpg', 'local://uploads/0123456789abcdef01234567.png']) {
      await expect(requireOwnFiles(ctxB, [fileID])).rejects.toMatchObject({ code: 'FILE_NOT_ALLOWED' });
    }
    const [userA] = await ports.store.collection<User>(C.users).find({ phone: '13800000055' }, { limit: 1 });
    await expect(requireOwnFiles({ ports, now: clock.now(), user: userA }, [ok.body.data.fileID])).resolves.toBeUndefined();
    await expect(requireOwnFiles({ ports, now: clock.now(), user: userA }, [`cloud://env-a.bucket/uploads/${userA.openid}/p1.jpg`])).resolves.toBeUndefined();
  });

  test('parallel guesses on one phone cannot all pass the lock: at most 5 are judged, the rest are refused', async () => {
    await t.call('/auth/register', { phone: '13800000077', password: 'para2026pw' });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.call('/auth/login', { phone: '13800000077', password: i === 29 ? 'para2026pw' : `guess${i}pw2026` })),
    );
    // only a couple are hashed at once per phone; the others are turned away before any guess is judged
    const judged = answers.filter((a) => a.body.code === 'BAD_CREDENTIALS' || a.body.ok).length;
    expect(judged).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429 && a.body.code === 'TOO_MANY_ATTEMPTS').length).toBe(30 - judged);
    // and sequential guesses still lock it at the fifth failure
    for (let i = 0; i < 5; i++) await t.call('/auth/login', { phone: '13800000077', password: `again${i}pw2026` });
    expect((await t.call('/auth/login', { phone: '13800000077', password: 'para2026pw' })).status).toBe(429);
  });

  test('sign-ups are counted per address: the 11th in 15 minutes from one address is refused', async () => {
    const from = '10.6.6.6';
    for (let i = 0; i < 10; i++) {
      expect((await t.call('/auth/register', { phone: `1350000${String(i).padStart(4, '0')}`, password: 'signup2026' }, { from })).body.ok).toBe(true);
    }
    const r = await t.call('/auth/register', { phone: '13500000099', password: 'signup2026' }, { from });
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('注册') });
  });

  test('every answer carries the security headers; unknown function names, prototype names included, are 404', async () => {
    const r = await t.call('/healthz');
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    const api = await t.call('/api/service', { action: 'me' });
    expect(api.headers.get('cache-control')).toBe('no-store');
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      const res = await t.call(`/api/${name}`, {});
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ ok: false, code: expect.stringMatching(/^(UNKNOWN_FUNCTION|NOT_FOUND)$/) });
    }
  });
});

describe('the demo (seeded) server', () => {
  let t: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => { t = await start({ seed: true }); });
  afterAll(() => t.close());

  test('offers the one-tap login for seeded users only', async () => {
    expect(t.server.mode).toBe('demo');
    const users = (await t.call('/dev/users')).body.data.users as Array<{ id: string }>;
    expect(users.length).toBeGreaterThan(10);
    const login = await t.call('/dev/login', { userId: 'u-linxiao' });
    expect(login.body).toMatchObject({ ok: true, data: { user: { name: '林晓' } } });
    // a user the seed did not make cannot be taken over by id
    const store = t.server.ports.store.collection<User>(C.users);
    await store.add({ _id: 'u-later-admin', openid: 'dev-new-abc123', name: '后来的管理员', roles: ['admin'], active: true, enterpriseId: null, createdAt: '2026-11-01T00:00:00Z' });
    expect((await t.call('/dev/login', { userId: 'u-later-admin' })).status).toBe(404);
    expect(users.map((u) => u.id)).not.toContain('u-later-admin');
    expect((await t.call('/dev/users')).body.data.users.map((u: { id: string }) => u.id)).not.toContain('u-later-admin');
  });

  test('a submit flood from one enterprise is stopped at the hourly limit; a retry of an earlier submit still answers', async () => {
    const token = (await t.call('/dev/login', { userId: 'u-linxiao' })).body.data.token;
    const existing = await t.server.ports.store.collection(C.requests).count({ enterpriseId: 'e-001', createdAt: { $gte: new Date(Date.now() - 3600_000).toISOString() } });
    let limited: Answer | null = null;
    for (let i = existing; i < 25 && !limited; i++) {
      const r = await t.service(token, { action: 'request.submit', clientKey: `flood-key-${i}`, category: 'other', description: `第${i}次提交：厂区门口道路破损需要修复`, phone: '13800138000' });
      if (!r.body.ok) limited = r;
      if (!r.body.ok && r.body.code !== 'RATE_LIMITED') throw new Error(`submit ${i}: ${r.body.code} ${r.body.message}`);
    }
    expect(limited?.status).toBe(429);
    expect(limited?.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('一小时内已提交20件诉求') });
    const retry = await t.service(token, { action: 'request.submit', clientKey: `flood-key-${existing}`, category: 'other', description: `第${existing}次提交：厂区门口道路破损需要修复`, phone: '13800138000' });
    expect(retry.body).toMatchObject({ ok: true, data: { created: false } });
  });
});

describe('a data dir the demo seed did not make', () => {
  test('stays a district when started without SEED=empty: no demo data, no demo login', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yszt-district-'));
    const common = { port: 0, dataDir, h5Dir: join(dataDir, 'no-h5'), functionsDir: join(root, 'cloudfunctions'), timers: false, log: () => {} };
    try {
      const first = await startLocalServer({ ...common, seed: false, bootstrapAdminCode: 'FIRST2026' });
      expect(first.mode).toBe('district');
      await first.close();
      // restarted by someone who forgot SEED=empty: the demo must not seed itself into the district
      const again = await startLocalServer({ ...common });
      expect(again.mode).toBe('district');
      expect(await again.ports.store.collection(C.orgs).get('d-yunxi')).toBeNull();
      expect((await fetch(`http://127.0.0.1:${again.port}/dev/users`)).status).toBe(404);
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a bootstrap code that could never be redeemed is refused at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yszt-boot-'));
    try {
      await expect(startLocalServer({ port: 0, dataDir, h5Dir: join(dataDir, 'no-h5'), functionsDir: join(root, 'cloudfunctions'), timers: false, log: () => {}, seed: false, bootstrapAdminCode: 'ADMIN-2026-LONG' }))
        .rejects.toThrow(/BOOTSTRAP_ADMIN_CODE must be 6–12 letters and digits/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
