/**
 * The core wired to a fresh store, the demo district, a fake clock and a recording notifier.
 *
 * The store is SQLite unless HARNESS_STORE=cloudbase (set by the jest project 'cloudbase', see
 * tests/cloudbase/setup-env.ts): then it is the CloudBase adapter on the CloudBase test bed, so the
 * same integration suite runs on both. Only the store changes; clock, notifier, files and codes stay local.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARRAY_FIELDS, INDEXES, C, UNIQUE_INDEXES } from '../../core/collections';
import { createFunctions, functionOf, type Envelope } from '../../core/functions';
import type { Ports } from '../../core/ports';
import type { Message, ServiceRequest, User } from '../../core/model';
import type { Visit } from '../../core/visits/model';
import { devOpenid, seedDemoDistrict } from '../../core/seed/demo-district';
import { openSqliteStore, type SqliteStore } from '../../adapters/sqlite-store';
import { cloudbaseStore } from '../../adapters/cloudbase-store';
import { createTestBed, type TestBed } from '../cloudbase/testbed';
import { fakeClock, localFiles, localQrCode, permissiveContentCheck, recordingNotifier, recordingRobot, recordingSms } from '../../adapters/local-ports';
import { TEMPLATE_KEYS, TEMPLATES, useDemoTemplateIds } from '../../core/notify/templates';

/** the public base visit codes point at in tests */
export const HARNESS_PUBLIC_BASE = 'https://yszt.example.cn';

/** which store the harness builds: 'sqlite' (default) or 'cloudbase' (the CloudBase test bed) */
export const HARNESS_STORE = process.env.HARNESS_STORE === 'cloudbase' ? 'cloudbase' : 'sqlite';

/**
 * The CloudBase adapter on a fresh test bed, shaped like SqliteStore so tests typed against it compile.
 * `db` is SQLite's own handle and has no CloudBase counterpart: touching it fails with the reason.
 */
function cloudbaseHarnessStore(bed: TestBed): SqliteStore {
  bed.sdk.init({ env: bed.sdk.DYNAMIC_CURRENT_ENV });
  // the unique indexes npm run cloud:setup creates; nothing else is unique on CloudBase
  for (const [collection, list] of Object.entries(UNIQUE_INDEXES)) for (const fields of list) bed.createIndex(collection, fields.split(','), { unique: true });
  const store = cloudbaseStore(bed.sdk.database());
  return Object.defineProperties({ collection: store.collection, close: () => undefined, sync: () => Promise.resolve() } as unknown as SqliteStore, {
    db: {
      get() {
        throw new Error('h.store.db is the SQLite handle: this harness runs on the CloudBase test bed (HARNESS_STORE=cloudbase), use h.bed for its state');
      },
    },
  });
}

export async function makeHarness(start = '2026-11-23T01:30:00Z', opts: { seed?: boolean; bootstrapAdminCode?: string; memory?: boolean; files?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yszt-'));
  // the CloudBase test bed when the 'cloudbase' jest project runs this suite, null on SQLite
  const bed: TestBed | null = HARNESS_STORE === 'cloudbase' ? createTestBed() : null;
  // memory: an in-memory SQLite database, for long randomized runs
  const store = bed ? cloudbaseHarnessStore(bed) : openSqliteStore({ file: opts.memory ? ':memory:' : join(dir, 'app.db'), indexes: INDEXES, arrays: ARRAY_FIELDS, synchronous: 'NORMAL' });
  const clock = fakeClock(start);
  const notifier = recordingNotifier();
  // SMS and group robots: the recording stand-ins the demo uses
  const sms = recordingSms();
  const robot = recordingRobot();
  // like the demo: templates the deployment has not configured carry placeholder ids (consents are counted for them)
  useDemoTemplateIds();
  let n = 0;
  const ports: Ports = { store, clock, notifier, sms, robot, contentCheck: permissiveContentCheck, newId: () => `id${++n}` };
  // visit codes: QR images of the H5 link under a fixed public base, in the temp dir
  ports.qrCode = localQrCode(localFiles(join(dir, 'files')), () => HARNESS_PUBLIC_BASE);
  // files: uploads and generated workbooks in the same temp dir (filesDir), removed with it
  if (opts.files) {
    mkdirSync(join(dir, 'files'), { recursive: true });
    ports.files = localFiles(join(dir, 'files'));
  }
  if (opts.seed !== false) await seedDemoDistrict(store, clock.now());
  if (opts.bootstrapAdminCode) ports.config = { bootstrapAdminCode: opts.bootstrapAdminCode };
  const fns = createFunctions(ports);

  /** calls the action's function (service, or sheets for the spreadsheets) as a user (by user id or a raw openid) and returns the envelope */
  const call = (who: string, event: Record<string, unknown>): Promise<Envelope<any>> =>
    fns[functionOf(event.action)](event, { openid: who.startsWith('u-') ? devOpenid(who) : who });
  /** same, but unwraps data and fails the test on an error envelope */
  const ok = async (who: string, event: Record<string, unknown>) => {
    const r = await call(who, event);
    if (!r.ok) throw new Error(`${String(event.action)} failed: ${r.code} ${r.message}`);
    return r.data as any;
  };
  const requests = () => store.collection<ServiceRequest>(C.requests);
  return {
    ports, store, clock, notifier, sms, robot, fns, call, ok, requests, bed,
    /** every seeded user holds `times` one-time consents for every template (tests about other things that count pushes) */
    consentAll: async (times = 100) => {
      const subs = store.collection(C.subscriptions);
      const users = await store.collection(C.users).find({}, { limit: 100 });
      for (const u of users) {
        for (const key of TEMPLATE_KEYS) {
          const t = TEMPLATES[key];
          await subs.add({ _id: `${u._id}:${key}`, userId: u._id, template: key, templateId: t.templateId, credits: times, longTerm: t.kind === 'long', state: 'accept', always: null, mainSwitch: true, granted: times, spent: 0, lastSpentFor: null, updatedAt: clock.now().toISOString() }).catch(() => undefined);
          if (bed) bed.consent(u.openid as string, t.templateId, t.kind === 'long' ? Infinity : times);
        }
      }
    },
    /** where generated files (visit codes; uploads and workbooks with `files`) are saved */
    filesDir: join(dir, 'files'),
    cleanup: () => { store.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export type Harness = Awaited<ReturnType<typeof makeHarness>>;

let keySeq = 0;
export const clientKey = () => `key-${Date.now()}-${++keySeq}`;

export const submission = (over: Record<string, unknown> = {}) => ({
  action: 'request.submit',
  clientKey: clientKey(),
  category: 'dianli',
  description: '厂区新建车间需要增容用电，报装申请提交两周仍无人联系。',
  photos: [],
  phone: '13612340001',
  ...over,
});

/**
 * A fresh demo district before each test (Monday 2026-11-23 09:30 Beijing unless `start` says
 * otherwise), with the helpers the request and card tests share. `w.h` is the harness of the test
 * that runs.
 */
export function freshEach(start = '2026-11-23T01:30:00Z') {
  const w = {
    h: undefined as unknown as Harness,
    /** a Beijing wall-clock minute ('2026-11-24T10:00') as its ISO instant */
    bj: (local: string) => new Date(`${local}:00+08:00`).toISOString(),
    stored: async (id: string) => (await w.h.requests().get(id))!,
    user: async (id: string) => (await w.h.store.collection<User>(C.users).get(id))!,
    messagesOf: (userId: string) => w.h.store.collection<Message>(C.messages).find({ userId }, { orderBy: [['createdAt', 'asc']], limit: 500 }),
    titlesOf: async (userId: string) => (await w.messagesOf(userId)).map((m) => m.title),
    /** a submit assigned at once (the enterprise's grid has officers with room) */
    assigned: async (who = 'u-linxiao') => {
      const { request } = await w.h.ok(who, submission());
      expect(request.status).toBe('assigned');
      return request as { _id: string; no: string; assigneeId: string };
    },
    /** everything a refused call must leave untouched */
    snapshot: async () => {
      const all = async (c: string) => JSON.stringify(await w.h.store.collection(c).find({}, { orderBy: [['_id', 'asc']], limit: 1000 }));
      return {
        requests: await all(C.requests), cards: await all(C.cards), users: await all(C.users),
        counters: await all(C.counters), messages: await all(C.messages), outbox: await all(C.outbox),
      };
    },
  };
  beforeEach(async () => { w.h = await makeHarness(start); });
  afterEach(() => w.h.cleanup());
  return w;
}

/** where the officials stand when they scan (the first visit registers it as the enterprise's location) */
export const HERE = { location: { latitude: 30.2741, longitude: 120.1551, accuracy: 20 } };
/** what every check-out says it did */
export const OUT = { ...HERE, outcome: '已了解企业情况' };

/** the visit tests' helpers over a freshEach world */
export function visitHelpers(w: { h: Harness }) {
  return {
    visitDoc: async (id: string) => (await w.h.store.collection<Visit>(C.visits).get(id))!,
    /** the posted code of an enterprise, as its contact sees it */
    sceneOf: async (enterpriseUser = 'u-linxiao'): Promise<string> => (await w.h.ok(enterpriseUser, { action: 'visit.code' })).code.scene,
    checkin: (who: string, scene: string, over: Record<string, unknown> = {}) =>
      w.h.ok(who, { action: 'visit.checkin', ...HERE, scene, purpose: 'help', note: '了解企业用工需求', ...over }),
  };
}
