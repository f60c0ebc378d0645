/**
 * 提级 preview: desk.options gives each center its parent, so the panel names the center the server
 * escalates to (the parent of the request's current center), not the first center of the next tier.
 */
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); });
afterEach(() => h.cleanup());

test('the parent desk.options gives is where desk.escalate sends the request, community → street → district', async () => {
  const options = await h.ok('u-sunli', { action: 'desk.options' });
  // 柳岸社区 belongs to 西湖街道, while 东城街道 comes first in the list
  const { request } = await h.ok('u-hejun', submission({ phone: '13612340003' }));
  expect(request.tierOrgId).toBe('c-liuan');
  const streets = options.centers.filter((c: any) => c.kind === 'street');
  expect(streets[0].name).toBe('东城街道');
  let id = request.tierOrgId as string;
  for (const expected of ['西湖街道', '云溪区']) {
    const parentId = options.centers.find((c: any) => c.id === id).parentId;
    const up = await h.ok('u-sunli', { action: 'desk.escalate', id: request._id, reason: '涉及多个部门，需上级协调' });
    expect(up.request.tierOrgId).toBe(parentId);
    expect(options.centers.find((c: any) => c.id === parentId).name).toBe(expected);
    id = parentId;
  }
});
