/** The district's rules: validated, versioned, in force from the moment they are saved. */
import { freshEach, submission } from '../../tests/support/harness';

const w = freshEach();

const audit = async () => (await w.h.ok('u-admin', { action: 'admin.audit.list' })).items as Array<{ action: string; actorName: string; before: unknown; after: unknown }>;

test('rules are validated, versioned, and apply to new requests from the moment they are saved', async () => {
  const got = await w.h.ok('u-admin', { action: 'admin.rules.get' });
  expect(got.version).toBe(0);
  expect(got.rules.sla.generalDays).toBe(5);
  const bad = await w.h.call('u-admin', { action: 'admin.rules.save', version: 0, rules: { ...got.rules, sla: { ...got.rules.sla, complexDays: 3 } } });
  expect(bad).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  if (!bad.ok) expect(bad.details).toEqual(expect.arrayContaining([{ field: 'rules.sla.complexDays', message: '复杂诉求办结时限不能短于一般诉求办结时限（5个工作日），现为3个工作日' }]));
  const before = (await w.h.ok('u-linxiao', submission())).request;
  await w.h.ok('u-admin', { action: 'admin.rules.save', version: 0, rules: { ...got.rules, sla: { ...got.rules.sla, generalDays: 3 }, routing: { dianli: 'dep-zjj' } } });
  const after = (await w.h.ok('u-linxiao', submission())).request;
  // Monday 09:30 + 3 working days = Thursday 09:30; the earlier request keeps its 5 days
  expect(after.dueAt).toBe('2026-11-26T01:30:00.000Z');
  expect(before.dueAt).toBe('2026-11-30T01:30:00.000Z');
  expect(await w.h.call('u-admin', { action: 'admin.rules.save', version: 0, rules: got.rules })).toMatchObject({ ok: false, code: 'CONFLICT' });
  const v1 = await w.h.ok('u-admin', { action: 'admin.rules.get' });
  expect(v1).toMatchObject({ version: 1, history: [{ version: 1, updatedByName: '系统管理员' }] });
  expect(v1.rules.routing).toEqual({ dianli: 'dep-zjj' });
  expect((await audit())[0]).toMatchObject({ action: 'rules.save' });
});

/** a save of the stored rules with these SLA limits changed */
async function saveSla(sla: Record<string, number>, version = 0) {
  const got = await w.h.ok('u-admin', { action: 'admin.rules.get' });
  return w.h.call('u-admin', { action: 'admin.rules.save', version, rules: { ...got.rules, sla: { ...got.rules.sla, ...sla } } });
}

test('each pair of SLA limits that must hold is refused on its own, naming both fields, and nothing is saved', async () => {
  const cases: Array<[Record<string, number>, string, string]> = [
    // the case: 临期提醒 of 8 working days against a 5-day limit
    [{ yellowDays: 8 }, 'yellowDays', '临期提醒（黄色）须短于一般诉求办结时限（5个工作日），现为8个工作日'],
    [{ yellowDays: 5 }, 'yellowDays', '临期提醒（黄色）须短于一般诉求办结时限（5个工作日），现为5个工作日'],
    [{ responseDays: 5 }, 'responseDays', '签收响应时限须短于一般诉求办结时限（5个工作日），现为5个工作日'],
    [{ generalDays: 2, responseDays: 3 }, 'responseDays', '签收响应时限须短于一般诉求办结时限（2个工作日），现为3个工作日'],
    [{ handBackDays: 6 }, 'handBackDays', '退回改派时限须短于一般诉求办结时限（5个工作日），现为6个工作日'],
    [{ complexDays: 4 }, 'complexDays', '复杂诉求办结时限不能短于一般诉求办结时限（5个工作日），现为4个工作日'],
  ];
  for (const [sla, field, message] of cases) {
    const r = await saveSla(sla);
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    if (r.ok) continue;
    expect(r.details).toEqual([{ field: `rules.sla.${field}`, message }]);
    expect(r.message).toBe(message);
  }
  // yellow against the complex limit: only where the complex limit is (wrongly) the shorter one
  const both = await saveSla({ generalDays: 10, complexDays: 8, yellowDays: 9 });
  if (both.ok) throw new Error('saved');
  expect(both.details).toEqual([
    { field: 'rules.sla.complexDays', message: '复杂诉求办结时限不能短于一般诉求办结时限（10个工作日），现为8个工作日' },
    { field: 'rules.sla.yellowDays', message: '临期提醒（黄色）须短于复杂诉求办结时限（8个工作日），现为9个工作日' },
  ]);
  // every failing pair at once, each on its field
  const all = await saveSla({ generalDays: 3, yellowDays: 3, responseDays: 4, handBackDays: 3 });
  if (all.ok) throw new Error('saved');
  expect(all.details!.map((d) => d.field)).toEqual(['rules.sla.yellowDays', 'rules.sla.responseDays', 'rules.sla.handBackDays']);
  expect((await w.h.ok('u-admin', { action: 'admin.rules.get' })).version).toBe(0);
});

test('a calendar date given twice is refused; valid limits, at the edges of their pairs, save', async () => {
  const got = await w.h.ok('u-admin', { action: 'admin.rules.get' });
  const twice = await w.h.call('u-admin', { action: 'admin.rules.save', version: 0, rules: { ...got.rules, calendar: { ...got.rules.calendar, overrides: [
    { date: '2027-01-04', kind: 'holiday', name: '调休' }, { date: '2027-01-04', kind: 'workday', name: '补班' },
  ] } } });
  expect(twice).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'rules.calendar.overrides.1.date', message: '日期重复：2027-01-04 已在第1行' }] });
  // yellow one day short of the limit, accept and hand-back too, complex equal to general
  const ok = await saveSla({ generalDays: 6, complexDays: 6, yellowDays: 5, responseDays: 5, handBackDays: 5 });
  expect(ok).toMatchObject({ ok: true, data: { version: 1 } });
  expect((await w.h.ok('u-admin', { action: 'admin.rules.get' })).rules.sla).toMatchObject({ generalDays: 6, complexDays: 6, yellowDays: 5, responseDays: 5, handBackDays: 5 });
  // the defaults are a valid rules document as they are
  expect(await w.h.call('u-admin', { action: 'admin.rules.save', version: 1, rules: got.rules })).toMatchObject({ ok: true, data: { version: 2 } });
});
