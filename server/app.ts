/**
 * The local host: one process that plays the part of WeChat CloudBase. It exposes every cloud
 * function at POST /api/<name> with the same event the cloud function gets, runs their timer
 * triggers on their cron, stores in SQLite, serves uploads and the H5 build, and offers a dev
 * login (local only) in place of WeChat identity.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { Cron } from 'croner';
import { ARRAY_FIELDS, INDEXES, C } from '../core/collections';
import { createFunctions, type Handler } from '../core/functions';
import type { Ports, RobotSender, SmsSender, Store } from '../core/ports';
import type { User } from '../core/model';
import { ROLES } from '../core/contract/catalog';
import { seedDemoDistrict, devOpenid } from '../core/seed/demo-district';
import { useDemoTemplateIds } from '../core/notify/templates';
import { seedDemoRequests } from '../core/seed/demo-requests';
import { seedDemoVisits } from '../core/seed/demo-visits';
import { countPending } from '../core/stats/counters';
import { openSqliteStore } from '../adapters/sqlite-store';
import { followUpQueue, inBackground, runInBackground } from './follow-ups';
import { localFiles, localQrCode, permissiveContentCheck, recordingNotifier, recordingRobot, recordingSms, systemClock } from '../adapters/local-ports';
import { smsOptionsFromEnv, tencentSms } from '../adapters/tencent-sms';
import { wecomRobot } from '../adapters/wecom-robot';
import { AppError, toErrorBody } from '../core/errors';
import { clientAddress, createAuth, type AuthSettings } from './auth';
import { sentFileName, sniff } from './sniff';
import { cleanFileName } from '../core/contract/attachments';
import { MAX_FILE_BYTES, MAX_IMAGE_BYTES } from '../core/contract/limits';

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
  /** interface to listen on (HOST); default 127.0.0.1, so only a reverse proxy on the same host reaches it */
  host?: string;
  /** behind a reverse proxy: take the client's address from X-Forwarded-For (TRUST_PROXY=1) */
  trustProxy?: boolean;
  /** session and sign-in throttle limits (else the `auth` settings document, else the defaults) */
  auth?: Partial<AuthSettings>;
  /** submits per enterprise per hour (else 20) */
  submitsPerHour?: number;
  /** another store instead of SQLite in DATA_DIR (tests: the CloudBase adapter on the CloudBase test bed) */
  store?: Store;
  /**
   * SMS and group robots instead of the defaults. Defaults: the demo records both (never a real SMS or
   * post: its people and groups are made up) and logs a line for each; a district sends SMS through
   * Tencent Cloud when SMS_SECRET_ID, SMS_SECRET_KEY and the account (config/sms-templates.json or
   * SMS_SDK_APP_ID, SMS_SIGN_NAME) are set, and has no SMS channel otherwise; it posts to the robots
   * its admin configured.
   */
  sms?: SmsSender;
  robot?: RobotSender;
};

/**
 * demo: a data dir the demo seed created; it keeps the one-tap demo login (/dev/*) for seeded users only.
 * district: everything else (SEED=empty, or any data dir the demo seed did not create): real sign-in only,
 * and no /dev/* routes at all.
 */
export type Mode = 'demo' | 'district';

/** a build asset whose name carries its content hash (js/app.a1e2411a.js, css/3713.ab2d5d5c.css): it never changes */
export const HASHED_ASSET = /^\/(js|css|static)\/.+\.[0-9a-f]{8}\.[a-z0-9]+$/;

/**
 * Sent with every answer. The H5 app runs under this policy (the browser tests fail on any violation).
 * The one inline script of index.html (Taro's rem sizing) is allowed by its hash, nothing else inline.
 */
export function securityHeaders(inlineScriptHashes: string[] = []): Record<string, string> {
  return {
  'content-security-policy': [
    "default-src 'self'", `script-src 'self'${inlineScriptHashes.map((h) => ` '${h}'`).join('')}`, "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
    "font-src 'self' data:", "connect-src 'self' blob: data:", "media-src 'self' blob:", "worker-src 'self' blob:", "object-src 'none'",
    "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(self), geolocation=(self), microphone=()',
  'cross-origin-opener-policy': 'same-origin',
  };
}

/** sha256 hashes (CSP source form) of the inline scripts in the H5 build's index.html */
export function inlineScriptHashes(h5Dir: string): string[] {
  const index = join(h5Dir, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`);
}

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401, BAD_CREDENTIALS: 401, FORBIDDEN: 403, NOT_FOUND: 404, ENTERPRISE_NOT_FOUND: 404,
  VALIDATION_FAILED: 400, BAD_CREDIT_CODE: 400, UNKNOWN_ACTION: 400, CONTENT_REJECTED: 400,
  TOO_MANY_ATTEMPTS: 429, RATE_LIMITED: 429, TOO_LARGE: 413, INTERNAL: 500,
};
/** what a stored upload is served as, by its extension (the bytes were sniffed on the way in) */
const SERVED_TYPES: Record<string, string> = {
  jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif',
  pdf: 'application/pdf', doc: 'application/msword', xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const MAX_JSON = 256 * 1024;
const MAX_IMAGE = MAX_IMAGE_BYTES;
const MAX_FILE = MAX_FILE_BYTES;
/** an oversized body is read and thrown away up to this much so its sender gets the 413 answer; beyond it the connection is cut */
const MAX_DRAIN = 64 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

class TooLarge extends Error {}

/**
 * The body, up to `limit` bytes. A bigger one is refused with TooLarge only after it has been read (and
 * discarded), so the client is not cut off mid-upload and does get its 413 answer; a declared
 * Content-Length above the drain cap is refused at once.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((ok, bad) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > MAX_DRAIN) { bad(new TooLarge()); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      if (size > MAX_DRAIN) { req.pause(); bad(new TooLarge()); return; }
      if (!over) chunks.push(c);
    });
    req.on('end', () => (over ? bad(new TooLarge()) : ok(Buffer.concat(chunks))));
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
  // power-cut safe (synchronous FULL), with group commit: concurrent actions share one commit and one
  // fsync, and no response leaves before the commit holding its work (answerAfterCommit below); background
  // work (timers, follow-ups) runs in slices of a few ms so requests are never held up behind it
  const sqlite = opts.store ? null : openSqliteStore({ file: join(opts.dataDir, 'app.db'), indexes: INDEXES, arrays: ARRAY_FIELDS, synchronous: 'FULL', groupCommit: true, sliceMs: 8, sliceable: inBackground, backgroundCommitMs: 20, checkpointWorker: true, syncOffThread: true });
  const store: Store = opts.store ?? sqlite!;
  const notifier = recordingNotifier();
  // the demo's SMS and robot posts: recorded, and printed to the log once the seed is done
  let announce = false;
  const sms = recordingSms({ onSend: (m) => announce && log(`[短信·演示] ${m.phone} ${m.text}`) });
  const robot = recordingRobot({ onPost: (p) => announce && log(`[企业微信群·演示] ${p.text.split('\n')[0]}`) });
  const ports: Ports = {
    store, clock: opts.clock ?? systemClock, notifier, sms: opts.sms ?? sms, robot: opts.robot ?? robot, contentCheck: permissiveContentCheck, files: localFiles(uploadsDir),
    config: { bootstrapAdminCode: opts.bootstrapAdminCode, submitsPerHour: opts.submitsPerHour },
  };
  let boundPort = opts.port;
  ports.qrCode = localQrCode(localFiles(uploadsDir), () => opts.publicBase ?? process.env.PUBLIC_BASE ?? `http://localhost:${boundPort}`);
  const settingsC = store.collection(C.settings);
  // a data dir the demo seed made before the deployment marker existed is recognised by the demo district itself
  if (!(await settingsC.get('deployment')) && (await store.collection(C.orgs).get('d-yunxi'))) {
    await settingsC.add({ _id: 'deployment', mode: 'demo', createdAt: ports.clock.now().toISOString() });
  }
  let marker = await settingsC.get('deployment');
  // the demo seeds only an empty store: a district's data started once without SEED=empty stays a district
  const empty = !marker && (await store.collection(C.users).count({})) === 0 && (await store.collection(C.orgs).count({})) === 0;
  if (opts.seed !== false && empty && (await seedDemoDistrict(store, ports.clock.now()))) {
    await settingsC.add({ _id: 'deployment', mode: 'demo', createdAt: ports.clock.now().toISOString() });
    // the seeded requests' notices already go the demo's way (placeholder template ids, consents counted)
    useDemoTemplateIds();
    const n = await seedDemoRequests(ports, ports.clock.now());
    log(`seeded the demo district 云溪区 with ${n} requests in every colour`);
    log(`seeded ${await seedDemoVisits(ports, ports.clock.now())} official visits and two plans for a joint inspection`);
  } else if (!marker) {
    // anything not made by the demo seed is a real district, for good
    await settingsC.add({ _id: 'deployment', mode: 'district', createdAt: ports.clock.now().toISOString() });
  }
  marker = await settingsC.get('deployment');
  if (opts.seed !== false && marker?.mode === 'district') log('this data dir is a district (not made by the demo seed): no demo data, no demo login');
  const mode: Mode = opts.seed !== false && marker?.mode === 'demo' ? 'demo' : 'district';
  announce = true;
  if (mode === 'district') {
    // a real district: Tencent Cloud SMS when its key and account are set (else no SMS channel), its admin's group robots
    const real = tencentSms(smsOptionsFromEnv(process.env));
    if (!opts.sms) ports.sms = real.configured ? real : undefined;
    if (!opts.robot) ports.robot = wecomRobot();
    if (!opts.sms) log(real.configured ? 'SMS: Tencent Cloud SMS' : 'SMS: off (set SMS_SECRET_ID, SMS_SECRET_KEY and the account in config/sms-templates.json or SMS_SDK_APP_ID, SMS_SIGN_NAME)');
  } else if (!opts.sms && process.env.SMS_SECRET_ID) {
    log('SMS: the demo never sends real SMS (its people are made up); they are printed here');
  }
  // the demo simulates WeChat end to end: unconfigured subscribe templates get the placeholder ids the H5 build uses
  if (mode === 'demo') useDemoTemplateIds();
  // nothing reaches outside before the claim that leases it is committed (background batches wait up to
  // backgroundCommitMs): a crash then cannot make a restarted sender send an SMS or a post a second time
  if (sqlite) {
    const smsPort = ports.sms;
    if (smsPort?.send) {
      const send = smsPort.send.bind(smsPort);
      ports.sms = { get configured() { return smsPort.configured; }, send: async (m) => { await sqlite.sync(); return send(m); } };
    }
    const robotPort = ports.robot;
    if (robotPort) {
      const post = robotPort.post.bind(robotPort);
      ports.robot = { post: async (m) => { await sqlite.sync(); return post(m); } };
    }
  }
  // dashboard counters: finish any pending counting and count data that predates them (the notify timer does this every minute too)
  await countPending(ports).catch((e) => log(`stats: ${(e as Error)?.message ?? e}`));
  if (opts.bootstrapAdminCode && (await store.collection<User>(C.users).count({ roles: { $all: ['admin'] }, active: true })) === 0) {
    log(`no admin yet: on the login page choose 使用邀请码 and enter ${opts.bootstrapAdminCode} to become the first admin`);
  }
  if (opts.bootstrapAdminCode !== undefined && !/^[A-Za-z0-9]{6,12}$/.test(opts.bootstrapAdminCode)) {
    throw new Error('BOOTSTRAP_ADMIN_CODE must be 6–12 letters and digits (A–Z, 0–9); it is compared case-insensitively');
  }
  // an action's follow-up work runs right after its answer (server/follow-ups.ts)
  const followUps = followUpQueue();
  const functions = createFunctions(ports, { followUps: followUps.host }) as Record<string, Handler>;
  const auth = createAuth(ports, { settings: opts.auth });
  const trustProxy = opts.trustProxy ?? false;
  const users = store.collection<User>(C.users);
  const uploads = store.collection<UploadRecord>(C.uploads);

  /** the signed-in caller, or the answer to give instead (401 for a missing, expired or ended session) */
  async function callerOf(req: IncomingMessage): Promise<{ openid: string; token: string; holders: User[] } | { error: AppError }> {
    const found = await auth.caller(req.headers.authorization);
    return found ?? { error: new AppError('UNAUTHENTICATED', '请先登录') };
  }
  const fail = (res: ServerResponse, e: unknown) => {
    const body = toErrorBody(e);
    if (body.code === 'INTERNAL') console.error('[server]', e);
    return send(res, STATUS_BY_CODE[body.code] ?? 409, body, body.code === 'TOO_LARGE' ? { connection: 'close' } : {});
  };
  async function jsonBody(req: IncomingMessage, limit = MAX_JSON): Promise<Record<string, unknown>> {
    let raw: string;
    try {
      raw = (await readBody(req, limit)).toString('utf8') || '{}';
    } catch (e) {
      if (e instanceof TooLarge) throw new AppError('TOO_LARGE', '提交内容过大');
      throw e;
    }
    let body: unknown;
    try { body = JSON.parse(raw); } catch { throw new AppError('VALIDATION_FAILED', '请求内容不是有效的 JSON 对象'); }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', '请求内容不是有效的 JSON 对象');
    return body as Record<string, unknown>;
  }
  const signedIn = (session: { token: string; expiresAt: string }, user: User) => ({
    token: session.token, expiresAt: session.expiresAt, user: { id: user._id, name: user.name, roles: user.roles },
  });

  // the H5 app as a production web app: precompressed at build (scripts/precompress.mjs) and sent as the
  // browser accepts it; hashed assets cached for good, everything else (index.html) revalidated. Files are
  // looked up per request (dev), so a rebuild is served without a restart.
  const staticFiles = existsSync(opts.h5Dir)
    ? sirv(opts.h5Dir, {
      single: true, dev: true, etag: true, brotli: true, gzip: true,
      setHeaders: (res, pathname) => res.setHeader('cache-control', HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    })
    : null;
  const headers = securityHeaders(inlineScriptHashes(opts.h5Dir));

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);

    if (path === '/healthz' && req.method === 'GET') {
      if (sqlite) sqlite.db.prepare('select 1').get();
      else await store.collection(C.settings).get('deployment');
      return send(res, 200, { ok: true, db: 'ok', h5: !!staticFiles, mode });
    }

    const api = /^\/api\/([a-z]+)$/.exec(path);
    if (api) {
      if (req.method !== 'POST') return badRequest(res, 'METHOD_NOT_ALLOWED', '请使用 POST', 405);
      const handler = Object.prototype.hasOwnProperty.call(functions, api[1]) ? functions[api[1]] : undefined;
      if (!handler) return badRequest(res, 'UNKNOWN_FUNCTION', `没有名为 ${api[1]} 的云函数`, 404);
      let event: Record<string, unknown>;
      try {
        event = await jsonBody(req);
      } catch (e) {
        return fail(res, e);
      }
      const caller = await callerOf(req);
      // over HTTP every function needs a caller; only the timers below call as the system
      if ('error' in caller) return fail(res, caller.error);
      // an invite code is a secret: guessing is throttled per address like a password
      const redeeming = api[1] === 'service' && event.action === 'invite.redeem';
      const address = clientAddress(req, trustProxy);
      if (redeeming) {
        try { await auth.checkLocks([auth.inviteKey(address)], '邀请码'); } catch (e) { return fail(res, e); }
      }
      const result = await handler(event, { openid: caller.openid, holders: caller.holders });
      if (redeeming) {
        if (result.ok) await auth.clear(auth.inviteKey(address));
        else if (result.code === 'NOT_FOUND' || result.code === 'VALIDATION_FAILED') await auth.fail([auth.inviteKey(address)]);
      }
      return send(res, result.ok ? 200 : STATUS_BY_CODE[result.code] ?? 409, result);
    }

    if (path.startsWith('/auth/')) {
      if (req.method !== 'POST') return badRequest(res, 'METHOD_NOT_ALLOWED', '请使用 POST', 405);
      try {
        return await authRoute(path, req, res);
      } catch (e) {
        return fail(res, e);
      }
    }

    if (path === '/upload' && req.method === 'POST') {
      const caller = await callerOf(req);
      if ('error' in caller) return fail(res, caller.error);
      // a photo is at most 5 MB, a file (pdf, Word, Excel) 10 MB; the declared type only picks how much to read
      const claimed = (req.headers['content-type'] ?? '').split(';')[0].trim();
      const limit = claimed.startsWith('image/') ? MAX_IMAGE : MAX_FILE;
      let bytes: Buffer;
      try {
        bytes = await readBody(req, limit);
      } catch (e) {
        if (!(e instanceof TooLarge)) throw e;
        const answer = limit === MAX_FILE ? '文件不能超过10MB' : '图片不能超过5MB';
        return send(res, 413, { ok: false, code: 'TOO_LARGE', message: answer }, { connection: 'close' });
      }
      if (!bytes.length) return badRequest(res, 'VALIDATION_FAILED', '文件内容为空');
      // the bytes decide what this is; the declared type is only a hint
      const kind = sniff(bytes);
      if (!kind) {
        return badRequest(res, 'UNSUPPORTED_FILE', '只能上传 JPG、PNG、WEBP、GIF 图片或 PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）文件，文件内容与格式不符或含有宏');
      }
      if (kind.image && bytes.length > MAX_IMAGE) return send(res, 413, { ok: false, code: 'TOO_LARGE', message: '图片不能超过5MB' });
      const [owner] = await users.find({ openid: caller.openid }, { limit: 1 });
      if (!owner) return fail(res, new AppError('UNAUTHENTICATED', '请先登录'));
      const name = randomBytes(12).toString('hex') + kind.ext;
      // the name it had, for display and for the download (X-File-Name, percent-encoded); its extension follows the bytes
      const sent = cleanFileName(sentFileName(req.headers['x-file-name']), '');
      const shown = sent ? sent.replace(/\.[A-Za-z0-9]{1,5}$/, '') + kind.ext : `附件${kind.ext}`;
      writeFileSync(join(uploadsDir, name), bytes);
      // who uploaded what: a request, visit or supplement may reference only its own caller's files
      await uploads.add({ _id: name, ownerId: owner._id, type: kind.type, size: bytes.length, name: cleanFileName(shown), createdAt: ports.clock.now().toISOString() });
      return send(res, 200, { ok: true, data: { fileID: `local://uploads/${name}`, url: `/files/${name}`, name: cleanFileName(shown), size: bytes.length, type: kind.type } });
    }

    // uploads, by their unguessable name (96 random bits), as images are: an <img> or a download link
    // carries no bearer token, and only those shown the entry (request.get) learn the name
    const file = /^\/files\/([a-f0-9]{24}\.(jpg|png|webp|gif|pdf|docx?|xlsx?))$/.exec(path);
    if (file && req.method === 'GET') {
      const full = join(uploadsDir, file[1]);
      if (!existsSync(full)) return badRequest(res, 'NOT_FOUND', '文件不存在', 404);
      const type = SERVED_TYPES[file[2]];
      const image = type.startsWith('image/');
      const record = image ? null : await uploads.get(file[1]).catch(() => null);
      const download = cleanFileName(record?.name ?? '', file[1]);
      res.writeHead(200, {
        'content-type': type, 'content-length': statSync(full).size, 'cache-control': 'private, max-age=86400',
        'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
        // a document is saved, never rendered by the browser inside this origin
        'content-disposition': image ? 'inline' : `attachment; filename="${file[1]}"; filename*=UTF-8''${encodeURIComponent(download)}`,
      });
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

    // the one-tap demo login: only where the demo seed made the data, only for the users it made
    if (mode === 'demo' && path === '/dev/users' && req.method === 'GET') {
      const seeded = (await users.find({ active: true }, { orderBy: [['createdAt', 'asc']], limit: 100 })).filter((u) => u.openid === devOpenid(u._id));
      const orgs = new Map((await store.collection(C.orgs).find({}, { limit: 100 })).map((o) => [o._id, o.name as string]));
      const ents = new Map(
        (await store.collection(C.enterprises).find({ contactCount: { $gt: 0 } }, { limit: 100 })).map((e) => [e._id, e.name as string]),
      );
      return send(res, 200, {
        ok: true,
        data: {
          localOnly: true,
          users: seeded.map((u) => ({
            id: u._id, name: u.name, roles: u.roles, roleLabel: u.roles.map((r) => ROLES[r]).join('、'),
            detail: u.enterpriseId ? ents.get(u.enterpriseId) ?? '' :
              u.gridIds?.length ? u.gridIds.map((g) => orgs.get(g)).join('、') :
              u.departmentId ? orgs.get(u.departmentId) ?? '' : u.orgId ? orgs.get(u.orgId) ?? '' : '',
          })),
        },
      });
    }

    if (mode === 'demo' && path === '/dev/login' && req.method === 'POST') {
      let body: Record<string, unknown>;
      try { body = await jsonBody(req, 4096); } catch (e) { return fail(res, e); }
      let openid: string;
      if (body.newEnterpriseUser === true) {
        openid = `dev-new-${randomBytes(6).toString('hex')}`;
      } else {
        const user = typeof body.userId === 'string' ? await users.get(body.userId) : null;
        // a user the demo seed did not make (say, an admin who redeemed an invite here) signs in with a password
        if (!user || !user.active || user.openid !== devOpenid(user._id)) return badRequest(res, 'NOT_FOUND', '没有这个演示用户', 404);
        openid = user.openid;
      }
      // the first call creates a new enterprise user; staff users exist already
      const me = await functions.service({ action: 'me' }, { openid });
      const [user] = await users.find({ openid }, { limit: 1 });
      if (!me.ok || !user) return fail(res, new AppError('INTERNAL', '系统繁忙，请稍后再试'));
      const session = await auth.startSession(user, 'demo');
      return send(res, 200, { ok: true, data: { ...signedIn({ token: session.token, expiresAt: session.expiresAt }, user), user: (me.data as { user: unknown }).user } });
    }

    if (path.startsWith('/api/') || path.startsWith('/dev/')) return badRequest(res, 'NOT_FOUND', '没有这个接口', 404);
    if (staticFiles && (req.method === 'GET' || req.method === 'HEAD')) {
      return staticFiles(req, res, () => badRequest(res, 'NOT_FOUND', '页面不存在', 404));
    }
    return badRequest(res, 'NOT_FOUND', 'H5 尚未构建：请先运行 npm run build:h5', 404);
  }

  /** sign-in, sign-up, invites, sign-out and password change for the self-hosted deployment */
  async function authRoute(path: string, req: IncomingMessage, res: ServerResponse) {
    const address = clientAddress(req, trustProxy);
    if (path === '/auth/mode') {
      return send(res, 200, { ok: true, data: { mode, bootstrap: mode === 'district' && !!opts.bootstrapAdminCode && (await users.count({ roles: { $all: ['admin'] }, active: true })) === 0 } });
    }
    const body = await jsonBody(req, 8192);

    if (path === '/auth/login') {
      const r = await auth.login(body.phone, body.password, address);
      return send(res, 200, { ok: true, data: signedIn(r, r.user) });
    }

    if (path === '/auth/register' || path === '/auth/redeem') {
      const redeem = path === '/auth/redeem';
      // codes are guessed per address; sign-ups are counted per address (10 per 15 minutes), each costs a slow hash
      if (redeem) await auth.checkLocks([auth.inviteKey(address)], '邀请码');
      else {
        await auth.checkLocks([auth.registerKey(address)], '注册');
        await auth.fail([auth.registerKey(address)]);
      }
      let reserved: Awaited<ReturnType<typeof auth.reserve>>;
      try {
        reserved = await auth.reserve(body.phone, body.password);
      } catch (e) {
        // a phone already taken tells something: probing it costs an invite attempt
        if (redeem && e instanceof AppError && e.code === 'CONFLICT') await auth.fail([auth.inviteKey(address)]);
        throw e;
      }
      try {
        // the new identity's first call creates its (enterprise, unbound) user, as a first WeChat call does
        const first = await functions.service({ action: 'me' }, { openid: reserved.openid });
        if (!first.ok) throw new AppError(first.code, first.message);
        if (redeem) {
          const r = await functions.service({ action: 'invite.redeem', code: body.code }, { openid: reserved.openid });
          if (!r.ok) {
            if (r.code === 'NOT_FOUND' || r.code === 'VALIDATION_FAILED') await auth.fail([auth.inviteKey(address)]);
            throw new AppError(r.code, r.message);
          }
          await auth.clear(auth.inviteKey(address));
        }
        const [user] = await users.find({ openid: reserved.openid }, { limit: 1 });
        if (!user) throw new AppError('INTERNAL', '系统繁忙，请稍后再试');
        if (!redeem) await users.update(user._id, { $set: { phone: reserved.phone } });
        await auth.finish(reserved.phone, user);
        await auth.record(redeem ? 'auth.redeem' : 'auth.register', `${user.name} ${redeem ? '使用邀请码开通账号' : '注册'}（来自 ${address}）`, { id: user._id, name: user.name }, user._id);
        const session = await auth.startSession(user, 'password');
        return send(res, 200, { ok: true, data: signedIn(session, user) });
      } catch (e) {
        // nothing half-made stays behind: the reserved phone and the blank user go
        await auth.abandon(reserved.phone);
        const [blank] = await users.find({ openid: reserved.openid }, { limit: 1 });
        if (blank && blank.roles.every((r) => r === 'enterprise') && !blank.enterpriseId) await users.remove(blank._id);
        throw e;
      }
    }

    const caller = await callerOf(req);
    if ('error' in caller) throw caller.error;
    if (path === '/auth/logout') {
      await auth.endSession(caller.token);
      return send(res, 200, { ok: true, data: { signedOut: true } });
    }
    if (path === '/auth/password') {
      const session = await auth.changePassword(caller.openid, body.oldPassword, body.newPassword, address);
      return send(res, 200, { ok: true, data: { token: session?.token ?? null, expiresAt: session?.expiresAt ?? null } });
    }
    if (path === '/auth/account') {
      const account = await auth.accountOf(caller.openid);
      return send(res, 200, { ok: true, data: { hasPassword: !!account, phone: account ? `${account._id.slice(0, 3)}****${account._id.slice(7)}` : null } });
    }
    throw new AppError('NOT_FOUND', '没有这个接口');
  }

  const server = createServer((req, res) => {
    if (sqlite) answerAfterCommit(res, sqlite.sync);
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
          const r = await runInBackground(() => handler({ Type: 'Timer', TriggerName: trigger.name, Time: new Date().toISOString() }, null));
          if (!r.ok) log(`[timer ${fn}/${trigger.name}] ${r.code} ${r.message}`);
        }),
      );
      log(`timer ${fn}/${trigger.name} on "${trigger.config}"`);
    }
  }

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, bad) => {
    server.once('error', bad);
    server.listen(opts.port, host, ok);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  boundPort = port;
  log(`营商环境诉求直通 local mode (${mode === 'demo' ? 'demo: one-tap demo login, local only' : 'district: password sign-in'}): http://${host.includes(':') ? `[${host}]` : host}:${port}  (data: ${resolve(opts.dataDir)})`);
  return {
    port,
    ports,
    functions,
    /** resolves once the follow-up work of the answers given so far is done (tests that look right after an action) */
    followUpsIdle: async () => {
      await followUps.idle();
      await sqlite?.sync();
    },
    notifier,
    /** the recording SMS and robot stand-ins: what the demo sent (empty where real ones or injected ones are used) */
    sms,
    robot,
    mode,
    auth,
    async close() {
      jobs.forEach((j) => j.stop());
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      // what was started after the last answers finishes before the store closes (the timers would, later)
      await followUps.idle();
      sqlite?.close();
    },
  };
}

/**
 * No response leaves before what was written so far is committed (group commit, adapters/sqlite-store.ts):
 * `end` waits for the open batch. A failed commit drops the connection, so the client sees no answer
 * and retries (actions are idempotent on their keys) instead of believing a write that was lost.
 */
function answerAfterCommit(res: ServerResponse, sync: () => Promise<void>) {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    sync().then(
      () => end(...args),
      (e) => {
        console.error('[server] commit failed, the answer is withheld:', (e as Error)?.message ?? e);
        res.destroy(e as Error);
      },
    );
    return res;
  }) as ServerResponse['end'];
}

/** one uploaded file and who uploaded it (local mode) */
export type UploadRecord = { _id: string; ownerId: string; type: string; size: number; createdAt: string; /** the name it was uploaded under, sanitised (attachments show it) */ name?: string };
