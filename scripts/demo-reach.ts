/**
 * Reach of new work for the demo district's officers and liaisons, before and after issue 17, for
 * the notes:
 *
 *   node --import tsx scripts/demo-reach.ts [--out=<file>]
 *
 * One working week (Mon 30 Nov – Fri 4 Dec 2026) on a fresh demo district (seedDemoDistrict) through
 * the real service actions and timers: at 07:30, 09:10, 10:40, 12:20, 14:00, 15:30, 17:10 and 20:30
 * each working day three of the 8 enterprise contacts submit a request (120 in the week, a quarter of
 * them outside working hours). Every handler tapped 允许 once before the week. Handlers sign their
 * new requests (签收) in two rounds a day, at 09:00 and 14:00; each 签收 opens WeChat's consent sheet
 * (the officer detail page did that before this issue too, and WeChat counted those consents whether
 * or not we did), and half of the time the handler taps 允许 (a fixed pseudo-random sequence, the
 * same in both runs). The notify timer runs every 15 minutes.
 *
 *   A. before: WeChat only. What the code did before consent accounting: each assignment pushed once,
 *      WeChat delivering it only if the officer held a consent (else 43101, skipped in silence).
 *   B. after: the default rules: WeChat where a consent is held, else SMS to the number on the staff
 *      record, non-urgent SMS outside working hours held to the next working minute.
 *
 * Reached = delivered outside the app (WeChat or SMS) within 5 minutes of the assignment
 * (core/notify/reach.ts, the same measure desk.reach shows).
 */
import { writeFileSync } from 'node:fs';
import { ARRAY_FIELDS, INDEXES, C } from '../core/collections';
import { createFunctions, functionOf } from '../core/functions';
import type { Ports } from '../core/ports';
import type { ServiceRequest, User } from '../core/model';
import { seedDemoDistrict, devOpenid } from '../core/seed/demo-district';
import { TEMPLATES, useDemoTemplateIds } from '../core/notify/templates';
import { openSqliteStore } from '../adapters/sqlite-store';
import { permissiveContentCheck, recordingNotifier, recordingSms } from '../adapters/local-ports';
import { WorkCalendar } from '../core/sla/calendar';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const lines: string[] = [];
const say = (s = '') => { lines.push(s); console.log(s); };

const START = new Date('2026-11-29T16:00:00Z'); // Mon 30 Nov 00:00 Beijing
const END = new Date('2026-12-05T04:00:00Z'); // Sat 5 Dec 12:00 Beijing
const TICK = 15 * 60_000;
const SLOTS = ['07:30', '09:10', '10:40', '12:20', '14:00', '15:30', '17:10', '20:30'];
const CONTACTS = ['u-linxiao', 'u-gaopeng', 'u-hejun', 'u-songya', 'u-xuming', 'u-hanmei', 'u-dengchao', 'u-caoying'];
const PHONES: Record<string, string> = {
  'u-linxiao': '13612340001', 'u-gaopeng': '13612340002', 'u-hejun': '13612340003', 'u-songya': '13612340004',
  'u-xuming': '13612340005', 'u-hanmei': '13612340006', 'u-dengchao': '13612340007', 'u-caoying': '13612340008',
};

type Row = { name: string; n: number; reached: number; wechat: number; sms: number; inapp: number };

async function run(mode: 'before' | 'after'): Promise<{ rows: Row[]; total: Row; smsSent: number; heldOver: number }> {
  useDemoTemplateIds();
  const store = openSqliteStore({ file: ':memory:', indexes: INDEXES, arrays: ARRAY_FIELDS });
  let t = START;
  const ports: Ports = {
    store, clock: { now: () => t }, notifier: recordingNotifier(), sms: recordingSms(), contentCheck: permissiveContentCheck,
    config: { submitsPerHour: 1000 },
  };
  await seedDemoDistrict(store, t);
  const fns = createFunctions(ports, { budgetMs: { assign: Infinity, notify: Infinity, sweep: Infinity } });
  const ok = async (who: string, event: Record<string, unknown>) => {
    const r = await fns[functionOf(event.action)](event, { openid: devOpenid(who) });
    if (!r.ok) throw new Error(`${String(event.action)} by ${who}: ${r.code} ${r.message}`);
    return r.data as any;
  };
  const users = store.collection<User>(C.users);
  const handlers = (await users.find({}, { limit: 100 })).filter((u) => u.roles.includes('officer') || u.roles.includes('liaison'));
  // a week's work must not queue for capacity: reach is the question here
  for (const u of handlers) await users.update(u._id, { $set: { capacity: 100 } });
  const id = TEMPLATES.newAssignment.templateId;
  for (const u of handlers) await ok(u._id, { action: 'notify.consent', results: { [id]: 'accept' }, source: 'request' });
  if (mode === 'before') {
    const rules = await ok('u-admin', { action: 'admin.rules.get' });
    await ok('u-admin', { action: 'admin.rules.save', version: rules.version, rules: { ...rules.rules, notify: { ...rules.rules.notify, sms: { assignment: 'off', urge: 'off', red: 'off', status: 'off' } } } });
  }
  const calendar = new WorkCalendar();
  const working = (at: Date) => calendar.workingMinutesBetween(at, new Date(at.getTime() + 60_000)).minutes > 0;
  const toSign: Array<{ id: string; who: string; at: number }> = [];
  // mulberry32: the same taps in both runs
  let seed = 20261130;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  let seq = 0;
  for (; t < END; t = new Date(t.getTime() + TICK)) {
    const bj = new Date(t.getTime() + 8 * 3600_000);
    const day = bj.getUTCDay(); // 1..5 Mon..Fri
    const hhmm = `${String(bj.getUTCHours()).padStart(2, '0')}:${String(bj.getUTCMinutes()).padStart(2, '0')}`;
    for (const [i, slot] of SLOTS.entries()) {
      // slots fall on quarter hours rounded down: 09:10 runs at the 09:00 tick plus 10 minutes
      const [h, m] = slot.split(':').map(Number);
      if (day < 1 || day > 5 || bj.getUTCHours() !== h || Math.floor(m / 15) * 15 !== bj.getUTCMinutes()) continue;
      const at = t;
      t = new Date(t.getTime() + (m % 15) * 60_000);
      for (let k = 0; k < 3; k++) {
        const who = CONTACTS[(i * 3 + k + day) % CONTACTS.length];
        const { request } = await ok(who, { action: 'request.submit', clientKey: `reach-week-${++seq}`, category: 'other', description: `第${seq}件：企业反映的问题需要协调处理（${hhmm}）。`, photos: [], phone: PHONES[who] });
        if (request.assigneeId) toSign.push({ id: request._id, who: request.assigneeId, at: t.getTime() });
      }
      t = at;
    }
    // two signing rounds a day; each 签收 opens the consent sheet, and half of the time it gets 允许
    if (working(t) && (hhmm === '09:00' || hhmm === '14:00')) {
      for (const s of toSign.filter((x) => t.getTime() - x.at >= 30 * 60_000)) {
        if (random() < 0.5) await ok(s.who, { action: 'notify.consent', results: { [id]: 'accept' }, source: 'request' });
        await ok(s.who, { action: 'request.accept', id: s.id });
        toSign.splice(toSign.indexOf(s), 1);
      }
    }
    await fns.notify({}, null);
  }
  const reach = await ok('u-sunli', { action: 'desk.reach', days: 7 });
  const rows: Row[] = reach.rows.filter((r: any) => r.assignments > 0).map((r: any) => ({
    name: r.name, n: r.assignments, reached: r.reached, wechat: r.byChannel.wechat, sms: r.byChannel.sms, inapp: r.byChannel.inapp + r.byChannel.pending,
  }));
  const total = rows.reduce((a, r) => ({ name: '合计', n: a.n + r.n, reached: a.reached + r.reached, wechat: a.wechat + r.wechat, sms: a.sms + r.sms, inapp: a.inapp + r.inapp }), { name: '合计', n: 0, reached: 0, wechat: 0, sms: 0, inapp: 0 });
  const smsSent = (ports.sms as ReturnType<typeof recordingSms>).sent.length;
  const requests = await store.collection<ServiceRequest>(C.requests).count({});
  void requests;
  // SMS that waited for working hours (their first attempt came after the quiet hours)
  const heldOver = (await store.collection<{ _id: string; channel?: string; createdAt: string; sentAt: string | null }>(C.outbox).find({ channel: 'sms', status: 'sent' }, { limit: 1000 }))
    .filter((e) => e.sentAt && new Date(e.sentAt).getTime() - new Date(e.createdAt).getTime() > 5 * 60_000).length;
  store.close();
  return { rows: rows.sort((a, b) => a.name.localeCompare(b.name, 'zh')), total, smsSent, heldOver };
}

const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 1000) / 10}%` : '—');

(async () => {
  const before = await run('before');
  const after = await run('after');
  say('Reach of new work (assignments) within 5 minutes, demo district, Mon 30 Nov – Fri 4 Dec 2026');
  say('');
  say('| handler | assignments | before: reached (WeChat / in-app only) | after: reached (WeChat / SMS / in-app or later) |');
  say('| --- | --- | --- | --- |');
  for (const a of after.rows) {
    const b = before.rows.find((r) => r.name === a.name) ?? { n: 0, reached: 0, wechat: 0, sms: 0, inapp: 0 };
    say(`| ${a.name} | ${a.n} | ${pct(b.reached, b.n)} (${b.wechat} / ${b.inapp}) | ${pct(a.reached, a.n)} (${a.wechat} / ${a.sms} / ${a.inapp}) |`);
  }
  const b = before.total, a = after.total;
  say(`| **all** | ${a.n} | **${pct(b.reached, b.n)}** (${b.wechat} / ${b.inapp}) | **${pct(a.reached, a.n)}** (${a.wechat} / ${a.sms} / ${a.inapp}) |`);
  say('');
  say(`Told outside the app at all (any time): before ${b.wechat + b.sms} of ${b.n} (${pct(b.wechat + b.sms, b.n)}), after ${a.wechat + a.sms} of ${a.n} (${pct(a.wechat + a.sms, a.n)}).`);
  say(`After: ${after.smsSent} SMS sent in the week; ${after.heldOver} assignment SMS made outside working hours were held to the next working minute (they count as not reached within 5 minutes).`);
  const out = arg('out');
  if (out) writeFileSync(out, `${lines.join('\n')}\n`);
})().catch((e) => { console.error(e); process.exit(1); });
