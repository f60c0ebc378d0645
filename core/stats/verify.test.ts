/** stats.verify: the counters of the seeded demo district checked against a full recount, for the admin. */
import { seededDistrict } from '../../tests/support/seeded';

const w = seededDistrict();
const { as } = w;

test('stats.verify for the admin', async () => {
  const v = await as('u-admin', { action: 'stats.verify' });
  expect(v).toMatchObject({ ok: true, mismatches: [] });
  expect(v.fields).toBeGreaterThan(100);
});
