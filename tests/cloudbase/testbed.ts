/**
 * The CloudBase test bed: an in-process stand-in for exactly the wx-server-sdk surface our
 * adapters use (adapters/cloudbase-store.ts, cloudbase-ports.ts, cloudbase-main.ts), with
 * CloudBase's and WeChat's documented semantics rather than SQLite's:
 *
 *   const bed = createTestBed();
 *   bed.sdk            // what `require('wx-server-sdk')` returns: init, DYNAMIC_CURRENT_ENV,
 *                      // getWXContext, database, openapi, uploadFile, getTempFileURL, downloadFile
 *   bed.runAs(openid, fn)          // getWXContext().OPENID is `openid` for everything fn starts
 *   bed.invoke(name, main, event, { openid, config })   // a function call within its config.json timeout
 *
 * Semantics and the documents they rest on are listed in database.ts (database), openapi.ts
 * (subscribe messages, mini-program codes, content check) and below (context, storage, timeouts).
 * State lives in the process that created the bed; the runtime test bundles this file for a child
 * process so the built cloud functions find it as `wx-server-sdk`.
 */
import { AsyncLocalStorage } from 'async_hooks';
import { createHash, randomBytes } from 'crypto';
import { Database, DatabaseState, type DatabaseOptions } from './database';
import { openapiFailure, tcbFailure } from './errors';
import { makeOpenapi, newOpenapiState } from './openapi';

export type FunctionConfig = {
  /** seconds; CloudBase's default is 3 ("timeout … 可选值范 1-300 秒，默认为 3 秒",
   * https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/cloudbase/common/uploadFuncConfig.html) */
  timeout?: number;
  permissions?: { openapi?: string[] };
};

type Context = { openid: string | null; fn?: string; permissions?: string[] };

export type TestBedOptions = DatabaseOptions & {
  /** the environment id (`cloud.DYNAMIC_CURRENT_ENV` resolves to it) */
  env?: string;
  appid?: string;
  /** pages of the released mini-program (for page checks); null: not checked */
  pages?: string[] | null;
  /** subscribe templates: id → the data keys the template has */
  templates?: Record<string, string[]>;
};

export class FunctionTimeout extends Error {
  constructor(readonly fn: string, readonly seconds: number) {
    super(`Task timed out after ${seconds.toFixed(2)} seconds (cloud function ${fn}, config.json timeout ${seconds} s)`);
    this.name = 'FunctionTimeout';
  }
}

export function createTestBed(opts: TestBedOptions = {}) {
  const env = opts.env ?? 'testbed-7g3f2a';
  const appid = opts.appid ?? 'wx0000000000testbed';
  const bucket = `${createHash('md5').update(env).digest('hex').slice(0, 4)}-${env}-1300000000`;
  const db = new DatabaseState(opts);
  const wx = newOpenapiState();
  if (opts.pages) wx.pages = new Set(opts.pages);
  if (opts.templates) wx.templates = new Map(Object.entries(opts.templates));
  const als = new AsyncLocalStorage<Context>();
  let fallback: Context = { openid: null };
  const files = new Map<string, { cloudPath: string; bytes: Buffer }>();
  let initialised: { env: unknown } | null = null;
  const timeouts: Array<{ fn: string; seconds: number }> = [];

  const context = () => als.getStore() ?? fallback;

  /** config.json permissions.openapi gate the cloud calls of an invoked function */
  const permission = (api: string) => {
    const ctx = context();
    if (!ctx.permissions) return null;
    return ctx.permissions.includes(api) ? null : openapiFailure(api, -604101, `function ${ctx.fn} has no permission to call openapi.${api}: add it to cloudfunctions/${ctx.fn}/config.json permissions.openapi`);
  };

  const DYNAMIC_CURRENT_ENV = Symbol.for('SYMBOL_CURRENT_ENV');

  const fileIdOf = (cloudPath: string) => `cloud://${env}.${bucket}/${cloudPath}`;

  async function storageHop(api: string) {
    db.count(api);
    await db.hop();
  }

  const sdk = {
    DYNAMIC_CURRENT_ENV,
    init(config: { env?: unknown } = {}) {
      initialised = { env: config.env ?? DYNAMIC_CURRENT_ENV };
    },
    /**
     * getWXContext() (wx-server-sdk src/api/utils/api/getWXContext.ts): the caller's OPENID and APPID of
     * this invocation and ENV; a timer trigger has no user, so no OPENID.
     */
    getWXContext() {
      const ctx = context();
      const out: Record<string, string> = { APPID: appid, ENV: env };
      if (ctx.openid) out.OPENID = ctx.openid;
      return out;
    },
    database(config: { throwOnNotFound?: boolean } = {}) {
      return new Database(db, config);
    },
    // wx-server-sdk's openapi is a proxy answering any path, untyped like the rest of the SDK
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    openapi: makeOpenapi(wx, permission) as any,
    /**
     * uploadFile (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/storage/uploadFile.html):
     * overwrites the same cloudPath; fileID `cloud://<env>.<bucket>/<cloudPath>`. cloudPath rules from
     * 云存储 "文件名命名限制": not empty, no leading "/", no "//", at most 850 bytes, no control characters.
     */
    async uploadFile(params: { cloudPath?: string; fileContent?: unknown }) {
      const api = 'uploadFile';
      await storageHop(api);
      const p = params?.cloudPath;
      if (typeof p !== 'string' || !p || p.startsWith('/') || p.includes('//') || Buffer.byteLength(p) > 850 || /[\u0000-\u001f\u007f]/.test(p)) {
        throw tcbFailure(api, 'INVALID_PARAM', `invalid cloudPath ${JSON.stringify(p)}`);
      }
      const c = params.fileContent;
      if (!Buffer.isBuffer(c)) throw tcbFailure(api, 'INVALID_PARAM', 'test bed: fileContent must be a Buffer (streams are not imitated)');
      const fileID = fileIdOf(p);
      files.set(fileID, { cloudPath: p, bytes: Buffer.from(c) });
      await db.hop();
      return { fileID, statusCode: 204, errMsg: `${api}:ok` };
    },
    /** getTempFileURL: at most 50 files a call; a missing file answers status -1 and an empty URL */
    async getTempFileURL(params: { fileList?: Array<string | { fileID: string; maxAge?: number }> }) {
      const api = 'getTempFileURL';
      await storageHop(api);
      const list = params?.fileList;
      if (!Array.isArray(list) || list.length === 0 || list.length > 50) throw tcbFailure(api, 'INVALID_PARAM', 'fileList必须是非空的数组, 一次最多 50 个');
      const fileList = list.map((item) => {
        const fileID = typeof item === 'string' ? item : item.fileID;
        const maxAge = typeof item === 'string' ? 86400 : item.maxAge ?? 86400;
        const f = files.get(fileID);
        if (!f) return { fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST', maxAge };
        const sign = randomBytes(8).toString('hex');
        return { fileID, tempFileURL: `https://${bucket}.tcb.qcloud.la/${encodeURI(f.cloudPath)}?sign=${sign}&t=${Math.floor(Date.now() / 1000)}`, status: 0, errMsg: 'ok', maxAge };
      });
      await db.hop();
      return { fileList, errMsg: `${api}:ok` };
    },
    async downloadFile(params: { fileID?: string }) {
      const api = 'downloadFile';
      await storageHop(api);
      const f = params?.fileID ? files.get(params.fileID) : undefined;
      if (!f) throw tcbFailure(api, 'STORAGE_FILE_NONEXIST', `[ResourceNotFound] file ${params?.fileID} not exist`);
      await db.hop();
      return { fileContent: Buffer.from(f.bytes), statusCode: 200, errMsg: `${api}:ok` };
    },
  };

  const bed = {
    sdk,
    env,
    /** database internals for tests: collections, indexes, counters, injected conflicts */
    db,
    /** everything WeChat would have seen: sent subscribe messages, codes made, content checked */
    wechat: wx,
    files,
    timeouts,
    get calls() {
      return db.calls;
    },
    get initialised() {
      return initialised;
    },
    set latencyMs(ms: number) {
      db.latencyMs = ms;
    },
    get latencyMs() {
      return db.latencyMs;
    },
    /** getWXContext().OPENID for everything `fn` starts (null: a timer, no user) */
    runAs<R>(openid: string | null, fn: () => R, extra: Omit<Context, 'openid'> = {}): R {
      return als.run({ openid, ...extra }, fn);
    },
    /** the caller outside any runAs */
    setCaller(openid: string | null) {
      fallback = { openid };
    },
    createCollection: (name: string) => db.createCollection(name),
    createIndex: (collection: string, fields: string[], o?: { unique?: boolean }) => db.createIndex(collection, fields, o),
    /** the next `n` writes inside transactions fail with a conflict (at: 'op'), or the next `n` commits do */
    injectConflicts(n: number, at: 'op' | 'commit' = 'op') {
      db.injected[at] += n;
    },
    /** the user subscribed to this template `times` times (Infinity: a long-term subscription) */
    consent(openid: string, templateId: string, times = 1) {
      const k = `${openid}|${templateId}`;
      wx.consents.set(k, (wx.consents.get(k) ?? 0) + times);
    },
    riskyWords(...words: string[]) {
      wx.riskyWords.push(...words);
    },
    /** a file as if the mini-program had uploaded it (wx.cloud.uploadFile) */
    putFile(cloudPath: string, bytes: Uint8Array) {
      const fileID = fileIdOf(cloudPath);
      files.set(fileID, { cloudPath, bytes: Buffer.from(bytes) });
      return fileID;
    },
    /**
     * Calls a cloud function's main as CloudBase would: with getWXContext() answering `openid`
     * (none for a timer), its config.json openapi permissions enforced, and its timeout: after
     * `timeout` seconds (default 3) the call fails with "Task timed out". The function's pending work is
     * not killed (a real container is frozen); the test sees the timeout.
     */
    async invoke<R>(name: string, main: (event: unknown, context: unknown) => Promise<R>, event: unknown, o: { openid?: string | null; config?: FunctionConfig } = {}): Promise<R> {
      const seconds = o.config?.timeout ?? 3;
      const permissions = o.config?.permissions?.openapi ?? [];
      let timer: NodeJS.Timeout | undefined;
      const run = als.run({ openid: o.openid ?? null, fn: name, permissions }, () =>
        Promise.resolve().then(() => main(event, { function_name: name, namespace: env, memory_limit_in_mb: 256, time_limit_in_ms: seconds * 1000 })));
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timeouts.push({ fn: name, seconds });
          reject(new FunctionTimeout(name, seconds));
        }, seconds * 1000);
      });
      try {
        return await Promise.race([run, limit]);
      } finally {
        clearTimeout(timer);
      }
    },
    exportState: () => db.exportState(),
    importState: (json: string) => db.importState(json),
  };
  return bed;
}

export type TestBed = ReturnType<typeof createTestBed>;
