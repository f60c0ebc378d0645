/**
 * When the admin enters a year's official holidays, deadlines already computed on the old calendar
 * are laid again on the new one: the date moves, the provisional mark and the calendar warning
 * clear, a pause keeps its adjustment, and what the save cannot finish the sweep finishes.
 */
import { C } from '../collections';
import type { ServiceRequest } from '../model';
import { tickingStore } from '../../tests/support/store-probes';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
/** a Beijing wall-clock time as the stored UTC ISO string */
const bj = (local: string) => new Date(`${local}:00+08:00`).toISOString();
// Monday 2026-12-28 10:00 Beijing: a 5-working-day deadline lands in 2027, which the library lacks
beforeEach(async () => { h = await makeHarness('2026-12-28T02:00:00Z'); });
afterEach(() => h.cleanup());

const stored = async (id: string) => (await h.requests().get(id))!;

/** the admin enters 元旦 2027 and declares 2027 covered */
async function enter2027(extra: Array<{ date: string; kind: 'holiday' | 'workday'; name: string }> = []) {
  const got = await h.ok('u-admin', { action: 'admin.rules.get' });
  return h.ok('u-admin', {
    action: 'admin.rules.save',
    version: got.version,
    rules: { ...got.rules, calendar: { overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, ...extra], adminYears: [2027] } },
  });
}

async function submitAccepted() {
  const { request } = await h.ok('u-linxiao', submission());
  await h.ok(request.assigneeId, { action: 'request.accept', id: request._id });
  return request as { _id: string; assigneeId: string };
}

test('a request due 2027-01-04 on the weekday guess gets a new date once 2027-01-01 is entered; mark and warning clear', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  expect(request).toMatchObject({ slaProvisional: true, dueAt: bj('2027-01-04T10:00'), yellowAt: bj('2027-01-01T10:00') });
  expect((await h.ok('u-sunli', { action: 'system.warnings' })).items.map((w: any) => w.year)).toEqual([2027]);

  h.clock.advance(3600_000);
  const saved = await enter2027();
  expect(saved.recompute).toMatchObject({ changed: 1 });
  expect(saved.recompute.more).toBeUndefined();

  const s = await stored(request._id);
  // 29, 30, 31, (元旦 off), Mon 01-04, Tue 01-05
  expect(s).toMatchObject({ slaProvisional: false, dueAt: bj('2027-01-05T10:00'), yellowAt: bj('2027-01-04T10:00'), firstDueAt: bj('2027-01-05T10:00'), colour: 'green' });
  // the acceptance deadline (Tue 10:00) is not touched by the new holiday
  expect(s.acceptDueAt).toBe(bj('2026-12-29T10:00'));
  expect(s.slaHistory.at(-1)).toMatchObject({ kind: 'changed', dueAt: bj('2027-01-05T10:00') });
  expect(s.slaHistory.at(-1)!.text).toContain('工作日历已调整');
  expect(s.timeline.at(-1)).toMatchObject({ type: 'sla' });
  expect(s.nextCheckAt).toBe(bj('2026-12-29T10:00'));
  // the warning is resolved, the desk no longer shows it
  expect((await h.ok('u-sunli', { action: 'system.warnings' })).items).toEqual([]);
  const view = await h.ok('u-sunli', { action: 'request.get', id: request._id });
  expect(view.request).toMatchObject({ slaProvisional: false, dueAt: bj('2027-01-05T10:00') });

  // saving again without a calendar change re-lays nothing
  const again = await h.ok('u-admin', { action: 'admin.rules.get' });
  const second = await h.ok('u-admin', { action: 'admin.rules.save', version: again.version, rules: again.rules });
  expect(second.recompute).toBeUndefined();
  expect((await stored(request._id)).seq).toBe(s.seq);
});

test('a resumed request keeps its pause adjustment; a paused one keeps its time left', async () => {
  // A: paused Tue 10:00 – Wed 10:00, resumed: one working day added → due Tue 2027-01-05 on the guess
  const a = await submitAccepted();
  h.clock.set(bj('2026-12-29T10:00'));
  await h.ok(a.assigneeId, { action: 'request.pause', id: a._id, reason: '请补充用电负荷表' });
  h.clock.set(bj('2026-12-30T10:00'));
  await h.ok('u-linxiao', { action: 'request.supplement', id: a._id, note: '已补充负荷表' });
  expect((await stored(a._id)).dueAt).toBe(bj('2027-01-05T10:00'));

  // B: started Wed 10:00, paused Thu 10:00 with 4 working days left, still paused
  const b = await submitAccepted();
  h.clock.set(bj('2026-12-31T10:00'));
  await h.ok(b.assigneeId, { action: 'request.pause', id: b._id, reason: '请补充红线图' });
  const bBefore = await stored(b._id);
  expect(bBefore).toMatchObject({ status: 'paused', dueAt: bj('2027-01-06T10:00'), remainingAtPause: 4 * 420, slaProvisional: true });

  h.clock.set(bj('2026-12-31T11:00'));
  await enter2027();

  // A: the first deadline from scratch would be Tue 01-05; the pause day stays added: Wed 01-06
  expect(await stored(a._id)).toMatchObject({ dueAt: bj('2027-01-06T10:00'), slaProvisional: false, status: 'accepted' });
  // B: 元旦 falls inside the time left: the deadline moves a day, the time left is still 4 working days
  const bAfter = await stored(b._id);
  expect(bAfter).toMatchObject({ status: 'paused', dueAt: bj('2027-01-07T10:00'), remainingAtPause: 4 * 420, slaProvisional: false });
  // resumed on Mon 01-04 10:00 (元旦 off): 4 working days from then
  h.clock.set(bj('2027-01-04T10:00'));
  const resumed = await h.ok('u-linxiao', { action: 'request.supplement', id: b._id, note: '已补充红线图' });
  expect(resumed.request.dueAt).toBe(bj('2027-01-08T10:00'));
});

test('what the save cannot finish within its budget the sweep finishes, and a concurrent change is not lost', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const { request } = await h.ok('u-linxiao', submission());
    ids.push(request._id);
    h.clock.advance(60_000);
  }
  expect((await h.requests().find({ slaProvisional: true }, { limit: 100 })).length).toBe(6);

  // every store call costs 600 ms: the save's 4 s budget runs out long before six requests are laid again
  let ms = 600;
  h.ports.store = tickingStore(h.store, h.clock, () => ms);
  const saved = await enter2027();
  ms = 0;
  expect(saved.recompute.more).toBe(true);
  const left = (await h.requests().find({ slaProvisional: true }, { limit: 100 })).map((r) => r._id);
  expect(left.length).toBeGreaterThan(0);
  expect(left.length).toBeLessThan(6);
  // the warning stays until every deadline is laid again
  expect((await h.ok('u-sunli', { action: 'system.warnings' })).items.map((w: any) => w.year)).toEqual([2027]);

  // meanwhile the dispatcher makes one of the rest complex: recomputed on the new calendar, it is not converted twice
  const complex = left[left.length - 1];
  await h.ok('u-sunli', { action: 'desk.verify', id: complex, level: 'complex', category: 'dianli' });
  const verified = await stored(complex);
  expect(verified).toMatchObject({ level: 'complex', slaProvisional: false });

  const run = await h.fns.sweep({ Type: 'Timer' }, null);
  expect(run.ok).toBe(true);
  expect((run as any).data.calendar).toBeDefined();
  expect((run as any).data.calendar.more).toBeUndefined();
  expect(await h.requests().count({ slaProvisional: true })).toBe(0);
  expect((await stored(complex)).dueAt).toBe(verified.dueAt);
  for (const id of ids) {
    const r = await stored(id);
    const changed = r.slaHistory.filter((e) => e.kind === 'changed');
    // each request is laid again once (the complex one was recomputed by the dispatcher instead)
    expect(changed.length).toBe(1);
    expect(new Date(r.dueAt!).getTime()).toBeGreaterThan(new Date('2027-01-04T10:00:00+08:00').getTime());
  }
  expect((await h.ok('u-sunli', { action: 'system.warnings' })).items).toEqual([]);
  // the next sweep has no run to continue
  const next = await h.fns.sweep({ Type: 'Timer' }, null);
  expect((next as any).data.calendar).toBeUndefined();
});

test('a year taken back out of the calendar makes its deadlines provisional again and warns again', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  await enter2027();
  expect(await stored(request._id)).toMatchObject({ slaProvisional: false, dueAt: bj('2027-01-05T10:00') });
  const got = await h.ok('u-admin', { action: 'admin.rules.get' });
  await h.ok('u-admin', { action: 'admin.rules.save', version: got.version, rules: { ...got.rules, calendar: { overrides: [], adminYears: [] } } });
  expect(await stored(request._id)).toMatchObject({ slaProvisional: true, dueAt: bj('2027-01-04T10:00') });
  expect((await h.ok('u-sunli', { action: 'system.warnings' })).items.map((w: any) => w.year)).toEqual([2027]);
  const admin = await h.ok('u-admin', { action: 'messages.list' });
  expect(admin.items.filter((m: any) => m.title === '工作日历数据缺失')).toHaveLength(2);
  expect(await h.store.collection(C.warnings).count({})).toBe(1);
});

test('an answered request is left alone', async () => {
  const answered = await submitAccepted();
  h.clock.advance(3600_000);
  await h.ok(answered.assigneeId, { action: 'request.resolve', id: answered._id, result: '已协调供电公司' });
  const before = await stored(answered._id);
  await enter2027();
  const after = await stored(answered._id);
  expect(after.seq).toBe(before.seq);
  expect((after as ServiceRequest).dueAt).toBe(before.dueAt);
});
