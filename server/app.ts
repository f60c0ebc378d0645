/**
 * The local host: one process that plays the part of WeChat CloudBase. It exposes every cloud
 * function at POST /api/<name> with the same event the cloud function gets, runs their timer
 * triggers on their cron, stores in SQLite, serves uploads and the H5 build, and offers a dev
 * login (local only) in place of WeChat identity.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { Cron } from 'croner';
import { INDEXES, C } from '../core/collections';
import { createFunctions, type Handler } from '../core/functions';
import type { Ports } from '../core/ports';
import type { Session, User } from '../core/model';
import { ROLES } from '../core/catalog';
import { seedDemoDistrict, devOpenid } from '../core/seed/demo-district';
import { seedDemoRequests } from '../core/seed/demo-requests';
import { seedDemoVisits } from '../core/seed/demo-visits';
import { countPending } from '../core/stats/counters';
import { openSqliteStore } from '../adapters/sqlite-store';
import { localFiles, localQrCode, permissiveContentCheck, recordingNotifier, systemClock } from '../adapters/local-ports';

export type LocalOptions = {
  port: number;
  dataDir: string;
  h5Dir: string;
  functionsDir: string;
  /** false: start empty, as a real district does (the admin sets it up in the console) */
  seed?: boolean;
  /** with no admin yet, this invite code makes its redeemer the first admin */
  bootstrapAdminCode?: string;
  timers?: boolean;
  /** where phones reach this server: visit codes encode it (default PUBLIC_BASE, else http://localhost:<port>) */
  publicBase?: string;
  clock?: Ports['clock'];
  log?: (line: string) => void;
};

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, ENTERPRISE_NOT_FOUND: 404,
  VALIDATION_FAILED: 400, BAD_CREDIT_CODE: 400, UNKNOWN_ACTION: 400, CONTENT_REJECTED: 400,
  INTERNAL: 500,
};
const IMAGE_TYPES: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'image/gif': '.gif' };
const UPLOAD_TYPES: Record<string, string> = { ...IMAGE_TYPES, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx' };
const MAX_JSON = 256 * 1024;
const MAX_IMAGE = 5 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((ok, bad) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) { bad(Object.assign(new Error('too large'), { tooLarge: true })); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', bad);
  });
}

const badRequest = (res: ServerResponse, code: string, message: string, status = 400) => send(res, status, { ok: false, code, message });

/** a Chinese file name for a generated file, by what it is */
function downloadName(file: string): string {
  const stamp = /-(\d{12})-/.exec(file)?.[1] ?? '';
  if (file.startsWith('ledger-')) return `台账${stamp && '-' + stamp}.xlsx`;
  if (file.startsWith('enterprise-template-')) return '企业名录导入模板.xlsx';
  if (file.startsWith('briefing-')) return `简报${stamp && '-' + stamp}.xlsx`;
  return file;
}

type Trigger = { name: string; type: string; config: string };

/** CloudBase cron has 7 fields (sec min hour day month weekday year); croner takes the first 6. */
export function toCronerPattern(cloudCron: string): string {
  const f = cloudCron.trim().split(/\s+/);
  if (f.length !== 7) throw new Error(`expected a 7-field CloudBase cron, got "${cloudCron}"`);
  if (f[6] !== '*') throw new Error(`year field other than * is not supported locally: "${cloudCron}"`);
  return f.slice(0, 6).join(' ');
}

export function readTriggers(functionsDir: string): Array<{ fn: string; trigger: Trigger }> {
  const out: Array<{ fn: string; trigger: Trigger }> = [];
  for (const fn of readdirSync(functionsDir)) {
    const cfg = join(functionsDir, fn, 'config.json');
    if (!existsSync(cfg)) continue;
    const { triggers = [] } = JSON.parse(readFileSync(cfg, 'utf8')) as { triggers?: Trigger[] };
    for (const t of triggers) if (t.type === 'timer') out.push({ fn, trigger: t });
  }
  return out;
}

export async function startLocalServer(opts: LocalOptions) {
  const log = opts.log ?? ((l: string) => console.log(l));
  mkdirSync(opts.dataDir, { recursive: true });
  const uploadsDir = join(opts.dataDir, 'uploads');
  mkdirSync(uploadsDir, { recursive: true });
  const store = openSqliteStore({ file: join(opts.dataDir, 'app.db'), indexes: INDEXES });
  const notifier = recordingNotifier();
  const ports: Ports = {
    store, clock: opts.clock ?? systemClock, notifier, contentCheck: permissiveContentCheck, files: localFiles(uploadsDir),
    config: { bootstrapAdminCode: opts.bootstrapAdminCode },
  };
  let boundPort = opts.port;
  ports.qrCode = localQrCode(localFiles(uploadsDir), () => opts.publicBase ?? process.env.PUBLIC_BASE ?? `http://localhost:${boundPort}`);
  if (opts.seed !== false && (await seedDemoDistrict(store, ports.clock.now()))) {
    const n = await seedDemoRequests(ports, ports.clock.now());
    log(`seeded the demo district 云溪区 with ${n} requests in every colour`);
    log(`seeded ${await seedDemoVisits(ports, ports.clock.now())} official visits and two plans for a joint inspection`);
  }
  // dashboard counters: finish any pending counting and count data that predates them (the notify timer does this every minute too)
  await countPending(ports).catch((e) => log(`stats: ${(e as Error)?.message ?? e}`));
  if (opts.bootstrapAdminCode && (await store.collection<User>(C.users).count({ roles: { $all: ['admin'] }, active: true })) === 0) {
    log(`no admin yet: on the login page choose 使用邀请码 and enter ${opts.bootstrapAdminCode} to become the first admin`);
  }
  const functions = createFunctions(ports) as Record<string, Handler>;

  const sessions = store.collection<Session>(C.sessions);
  async function callerOf(req: IncomingMessage) {
    const m = /^Bearer\s+(\S+)$/.exec(req.headers.authorization ?? '');
    if (!m) return null;
    const s = await sessions.get(m[1]);
    return s ? { openid: s.openid } : null;
  }

  const staticFiles = existsSync(opts.h5Dir) ? sirv(opts.h5Dir, { single: true, dev: true, etag: true }) : null;

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;

    if (path === '/healthz' && req.method === 'GET') {
      store.db.prepare('select 1').get();
      return send(res, 200, { ok: true, db: 'ok', h5: !!staticFiles });
    }

    const api = /^\/api\/([a-z]+)$/.exec(path);
    if (api) {
      if (req.method !== 'POST') return badRequest(res, 'METHOD_NOT_ALLOWED', '请使用 POST', 405);
      const handler = functions[api[1]];
      if (!handler) return badRequest(res, 'UNKNOWN_FUNCTION', `没有名为 ${api[1]} 的云函数`, 404);
      let event: Record<string, unknown>;
      try {
        const raw = (await readBody(req, MAX_JSON)).toString('utf8') || '{}';
        event = JSON.parse(raw);
        if (!event || typeof event !== 'object' || Array.isArray(event)) throw new Error('not an object');
      } catch (e) {
        if ((e as { tooLarge?: boolean }).tooLarge) return badRequest(res, 'VALIDATION_FAILED', '提交内容过大', 413);
        return badRequest(res, 'VALIDATION_FAILED', '请求内容不是有效的 JSON 对象');
      }
      const caller = await callerOf(req);
      // over HTTP every function needs a caller; only the timers below call as the system
      if (!caller) return send(res, 401, { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
      const result = await handler(event, caller);
      return send(res, result.ok ? 200 : STATUS_BY_CODE[result.code] ?? 409, result);
    }

    if (path === '/upload' && req.method === 'POST') {
      if (!(await callerOf(req))) return send(res, 401, { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
      const ext = UPLOAD_TYPES[type];
      if (!ext) return badRequest(res, 'VALIDATION_FAILED', '只能上传 JPG、PNG、WEBP、GIF 图片或 .xlsx 表格');
      let bytes: Buffer;
      try {
        bytes = await readBody(req, MAX_IMAGE);
      } catch {
        return badRequest(res, 'VALIDATION_FAILED', '图片不能超过5MB', 413);
      }
      if (!bytes.length) return badRequest(res, 'VALIDATION_FAILED', '图片内容为空');
      const name = randomBytes(12).toString('hex') + ext;
      writeFileSync(join(uploadsDir, name), bytes);
      return send(res, 200, { ok: true, data: { fileID: `local://uploads/${name}`, url: `/files/${name}` } });
    }

    const file = /^\/files\/([a-f0-9]{24}\.(jpg|png|webp|gif))$/.exec(path);
    if (file && req.method === 'GET') {
      const full = join(uploadsDir, file[1]);
      if (!existsSync(full)) return badRequest(res, 'NOT_FOUND', '文件不存在', 404);
      const type = Object.entries(IMAGE_TYPES).find(([, e]) => e === '.' + file[2])![0];
      res.writeHead(200, { 'content-type': type, 'content-length': statSync(full).size, 'cache-control': 'private, max-age=86400' });
      return createReadStream(full).pipe(res);
    }

    // visit codes (QR images), by their unguessable scene: shown on posters and in the app
    const qr = /^\/files\/codes\/([0-9A-Za-z]{16,22}\.png)$/.exec(path);
    if (qr && req.method === 'GET') {
      const full = join(uploadsDir, 'codes', qr[1]);
      if (!existsSync(full)) return badRequest(res, 'NOT_FOUND', '二维码不存在', 404);
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': statSync(full).size, 'cache-control': 'private, max-age=86400' });
      return createReadStream(full).pipe(res);
    }

    // generated exports: only desk users, and only by the unguessable name the export returned
    const exported = /^\/files\/exports\/([\w.-]+\.xlsx)$/.exec(path);
    if (exported && req.method === 'GET') {
      const full = join(uploadsDir, 'exports', exported[1]);
      if (!existsSync(full)) return badRequest(res, 'NOT_FOUND', '文件不存在或已过期', 404);
      res.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(downloadName(exported[1]))}`,
        'content-length': statSync(full).size,
        'cache-control': 'no-store',
      });
      return createReadStream(full).pipe(res);
    }

    if (path === '/dev/users' && req.method === 'GET') {
      const users = await store.collection<User>(C.users).find({ active: true }, { orderBy: [['createdAt', 'asc']], limit: 100 });
      const orgs = new Map((await store.collection(C.orgs).find({}, { limit: 100 })).map((o) => [o._id, o.name as string]));
      const ents = new Map(
        (await store.collection(C.enterprises).find({ contactCount: { $gt: 0 } }, { limit: 100 })).map((e) => [e._id, e.name as string]),
      );
      return send(res, 200, {
        ok: true,
        data: {
          localOnly: true,
          users: users
            .filter((u) => u.openid.startsWith('dev-'))
            .map((u) => ({
              id: u._id, name: u.name, roles: u.roles, roleLabel: u.roles.map((r) => ROLES[r]).join('、'),
              detail: u.enterpriseId ? ents.get(u.enterpriseId) ?? '' :
                u.gridIds?.length ? u.gridIds.map((g) => orgs.get(g)).join('、') :
                u.departmentId ? orgs.get(u.departmentId) ?? '' : u.orgId ? orgs.get(u.orgId) ?? '' : '',
            })),
        },
      });
    }

    if (path === '/dev/login' && req.method === 'POST') {
      let body: { userId?: string; newEnterpriseUser?: boolean };
      try { body = JSON.parse((await readBody(req, 4096)).toString('utf8') || '{}'); } catch { return badRequest(res, 'VALIDATION_FAILED', '请求内容不是有效的 JSON'); }
      let openid: string;
      if (body.newEnterpriseUser) {
        openid = `dev-new-${randomBytes(6).toString('hex')}`;
      } else {
        const user = typeof body.userId === 'string' ? await store.collection<User>(C.users).get(body.userId) : null;
        if (!user || !user.active) return badRequest(res, 'NOT_FOUND', '没有这个演示用户', 404);
        openid = user.openid;
      }
      const token = randomBytes(24).toString('hex');
      await sessions.add({ _id: token, openid, createdAt: ports.clock.now().toISOString() });
      // the first call creates a new enterprise user; staff users exist already
      const me = await functions.service({ action: 'me' }, { openid });
      return send(res, 200, { ok: true, data: { token, user: me.ok ? (me.data as { user: unknown }).user : null } });
    }

    if (path.startsWith('/api/') || path.startsWith('/dev/')) return badRequest(res, 'NOT_FOUND', '没有这个接口', 404);
    if (staticFiles && (req.method === 'GET' || req.method === 'HEAD')) {
      return staticFiles(req, res, () => badRequest(res, 'NOT_FOUND', '页面不存在', 404));
    }
    return badRequest(res, 'NOT_FOUND', 'H5 尚未构建：请先运行 npm run build:h5', 404);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e) => {
      console.error('[server]', e);
      if (!res.headersSent) send(res, 500, { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
    });
  });

  const jobs: Cron[] = [];
  if (opts.timers !== false) {
    for (const { fn, trigger } of readTriggers(opts.functionsDir)) {
      const handler = functions[fn];
      if (!handler) continue;
      jobs.push(
        new Cron(toCronerPattern(trigger.config), { protect: true, timezone: 'Asia/Shanghai' }, async () => {
          // the same event shape CloudBase sends a timer-triggered function
          const r = await handler({ Type: 'Timer', TriggerName: trigger.name, Time: new Date().toISOString() }, null);
          if (!r.ok) log(`[timer ${fn}/${trigger.name}] ${r.code} ${r.message}`);
        }),
      );
      log(`timer ${fn}/${trigger.name} on "${trigger.config}"`);
    }
  }

  await new Promise<void>((ok) => server.listen(opts.port, ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  boundPort = port;
  log(`营商环境诉求直通 local mode: http://localhost:${port}  (data: ${resolve(opts.dataDir)})`);
  return {
    port,
    ports,
    functions,
    notifier,
    async close() {
      jobs.forEach((j) => j.stop());
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      store.close();
    },
  };
}
