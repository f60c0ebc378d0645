/** A deadline in a year without official calendar data is provisional and the admin is told, once. */
import { C } from '../collections';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
// Monday 2026-12-28 10:00 Beijing: a 5-working-day deadline lands in 2027, which the library lacks
beforeEach(async () => { h = await makeHarness('2026-12-28T02:00:00Z'); });
afterEach(() => h.cleanup());

test('the request is marked provisional, the admin gets one message, desk users see the warning', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  expect(request.slaProvisional).toBe(true);
  // weekdays assumed: 29, 30, 31, Fri 2027-01-01, Mon 01-04
  expect(new Date(request.dueAt).toISOString()).toBe('2027-01-04T02:00:00.000Z');
  await h.ok('u-linxiao', submission());
  const admin = await h.ok('u-admin', { action: 'messages.list' });
  expect(admin.items.filter((m: any) => m.title === '工作日历数据缺失')).toHaveLength(1);
  expect(admin.items[0].body).toContain('2027年官方节假日数据缺失');
  const w = await h.ok('u-sunli', { action: 'system.warnings' });
  expect(w.items.map((x: any) => x.year)).toEqual([2027]);
  expect(await h.call('u-linxiao', { action: 'system.warnings' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await h.store.collection(C.warnings).count({})).toBe(1);
});

test('with the admin declaring 2027 covered the deadline is no longer provisional', async () => {
  await h.store.collection(C.settings).add({
    _id: 'calendar', updatedAt: '2026-12-01T00:00:00Z', updatedBy: 'u-admin',
    value: { adminYears: [2027], overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] },
  });
  const { request } = await h.ok('u-linxiao', submission());
  expect(request.slaProvisional).toBe(false);
  // 元旦 (Fri 2027-01-01) is now a holiday: 29, 30, 31, Mon 01-04, Tue 01-05
  expect(new Date(request.dueAt).toISOString()).toBe('2027-01-05T02:00:00.000Z');
  expect(await h.store.collection(C.warnings).count({})).toBe(0);
});
