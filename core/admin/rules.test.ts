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
  if (!bad.ok) expect(bad.details).toEqual(expect.arrayContaining([{ field: 'rules.sla.complexDays', message: '复杂诉求时限不能短于一般诉求' }]));
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
