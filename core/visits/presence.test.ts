/**
 * Visits that prove presence (issue 11, items 6 and 7). First the distance and the flags as pure
 * functions; then through the service function: every scan carries the phone's location; a check-in
 * farther than the set distance from the enterprise's registered location is flagged red with the
 * distance for the supervisors; the registered location is the admin's or the first visit's; a scan
 * without a location goes through, flagged; bad coordinates are refused; check-out asks what was
 * done and turns problems found into a request (走访代报); a visit score must be chosen.
 */
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../src/shared/gcj02';
import { haversine, placeAlert, placeFlags, placeOf } from './presence';
import { C } from '../collections';
import type { Enterprise, Message, ServiceRequest } from '../model';
import type { Visit } from './model';
import { makeHarness, type Harness } from '../../tests/support/harness';

const site = { latitude: 30.2741, longitude: 120.1551, source: 'admin' as const, visitNo: null };
const at = '2026-11-23T01:30:00.000Z';

test('haversine: one degree of latitude is ~111.2 km; a point is 0 m from itself', () => {
  expect(Math.round(haversine({ latitude: 30, longitude: 120 }, { latitude: 31, longitude: 120 }) / 100) / 10).toBe(111.2);
  expect(haversine(site, site)).toBe(0);
  // Tiananmen → the Shanghai Bund, ~1,068 km
  expect(Math.round(haversine({ latitude: 39.9087, longitude: 116.3975 }, { latitude: 31.2397, longitude: 121.4998 }) / 1000)).toBe(1068);
});

test('a scan: near, far, without a registered location, without a fix', () => {
  const near = placeOf({ location: { latitude: 30.2750, longitude: 120.1560, accuracy: 25.4 } }, site, at, { farMeters: 500 });
  expect(near).toMatchObject({ accuracy: 25, far: false, missing: null });
  expect(near.distance).toBeGreaterThan(100);
  expect(near.distance).toBeLessThan(150);
  expect(placeFlags(near)).toEqual([]);
  expect(placeAlert(near)).toBe('');

  const far = placeOf({ location: { latitude: 30.3, longitude: 120.18, accuracy: 30 } }, site, at, { farMeters: 500 });
  expect(far.far).toBe(true);
  expect(placeFlags(far)).toEqual(['far']);
  expect(placeAlert(far)).toMatch(/^扫码位置距企业登记位置约 3\.\d 公里（定位精度 ±30 米）$/);
  // the line is the setting: the same scan with a 5 km line is not far
  expect(placeOf({ location: { latitude: 30.3, longitude: 120.18, accuracy: 30 } }, site, at, { farMeters: 5000 }).far).toBe(false);

  const unknownSite = placeOf({ location: { latitude: 30.3, longitude: 120.18, accuracy: 30 } }, null, at, { farMeters: 500 });
  expect(unknownSite).toMatchObject({ distance: null, far: false });
  expect(placeFlags(unknownSite)).toEqual([]);

  const none = placeOf({ locationError: '未授权获取位置信息' }, site, at, { farMeters: 500 });
  expect(none).toMatchObject({ latitude: null, distance: null, missing: '未授权获取位置信息' });
  expect(placeFlags(none)).toEqual(['no_location']);
  expect(placeOf({}, site, at, { farMeters: 500 }).missing).toBe('未提供位置');
});

test('the browser build converts WGS-84 to GCJ-02: a few hundred metres in China, nothing abroad, and back within centimetres', () => {
  const wgs = { latitude: 30.2741, longitude: 120.1551 };
  const gcj = wgs84ToGcj02(wgs.latitude, wgs.longitude);
  const shift = haversine(wgs, gcj);
  expect(shift).toBeGreaterThan(200);
  expect(shift).toBeLessThan(800);
  expect(haversine(gcj02ToWgs84(gcj.latitude, gcj.longitude), wgs)).toBeLessThan(0.05);
  expect(wgs84ToGcj02(48.8584, 2.2945)).toEqual({ latitude: 48.8584, longitude: 2.2945 });
});

let h: Harness;

const HOUR = 3600_000;
/** 东城新材料 (e-002) as the admin registers it */
const SITE = { latitude: 30.2741, longitude: 120.1551 };
/** ~130 m from the site */
const NEAR = { latitude: 30.2750, longitude: 120.1560, accuracy: 25 };
/** ~3.6 km away */
const FAR = { latitude: 30.3000, longitude: 120.1800, accuracy: 30 };

const visitDoc = async (id: string) => (await h.store.collection<Visit>(C.visits).get(id))!;
const enterprise = async (id = 'e-002') => (await h.store.collection<Enterprise>(C.enterprises).get(id))!;
const messagesOf = (userId: string) => h.store.collection<Message>(C.messages).find({ userId }, { orderBy: [['createdAt', 'asc']], limit: 500 });
const sceneOf = async (contact = 'u-linxiao'): Promise<string> => (await h.ok(contact, { action: 'visit.code' })).code.scene;

/** the admin edits the enterprise, its registry fields as they are, with a location (or null to clear it) */
async function setSite(location: { latitude: number; longitude: number } | null, id = 'e-002') {
  const e = await enterprise(id);
  return h.call('u-admin', {
    action: 'admin.enterprises.save', id, name: e.name, creditCode: e.creditCode, address: e.address, gridId: e.gridId,
    industry: e.industry, scale: e.scale, contactName: e.contactName ?? '', contactPhone: e.contactPhone ?? '', location,
  });
}

const checkin = (who: string, scene: string, over: Record<string, unknown> = {}) =>
  h.call(who, { action: 'visit.checkin', scene, purpose: 'help', note: '了解企业用工需求', ...over });

describe('through the service function', () => {
  beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); /* Mon 09:30 Beijing */ });
  afterEach(() => h.cleanup());

  describe('location at check-in', () => {
    test('a check-in far from the registered location is flagged red with its distance for the supervisors', async () => {
      const set = await setSite(SITE);
      expect(set).toMatchObject({ ok: true, data: { enterprise: { location: { ...SITE, source: 'admin', setByName: expect.any(String) } } } });
      const scene = await sceneOf();
      const r = await checkin('u-zhangwei', scene, { location: FAR });
      expect(r.ok).toBe(true);
      const id = r.ok && r.data.visit._id;
      const stored = await visitDoc(id);
      const expected = Math.round(haversine(FAR, SITE));
      expect(expected).toBeGreaterThan(3000);
      expect(stored).toMatchObject({
        flags: ['far'], red: true, flagged: true, farthest: expected,
        location: { latitude: FAR.latitude, longitude: FAR.longitude, accuracy: 30, distance: expected, missing: null },
        site: { ...SITE, source: 'admin' },
      });
      expect(stored.members[0].checkinPlace).toMatchObject({ distance: expected });

      // the supervisors are told, with the distance; their red list has it
      const alert = (await messagesOf('u-sunli')).find((m) => m.title === '入企预警（红色）')!;
      expect(alert.body).toContain('扫码位置距企业过远');
      expect(alert.body).toContain(`约 ${(expected / 1000).toFixed(1)} 公里`);
      const red = await h.ok('u-sunli', { action: 'visit.list', red: true });
      expect(red.items).toEqual([expect.objectContaining({ _id: id, red: true, farthest: expected, flags: [{ key: 'far', label: '扫码位置距企业过远' }] })]);
      const far = await h.ok('u-sunli', { action: 'visit.list', flag: 'far' });
      expect(far.total).toBe(1);
      const detail = await h.ok('u-sunli', { action: 'visit.get', id });
      expect(detail.visit.members[0].checkinPlace).toMatchObject({ distance: expected, accuracy: 30, latitude: FAR.latitude, longitude: FAR.longitude });
      expect(detail.visit.site).toMatchObject({ source: 'admin' });
      // the visiting side sees how far, not where; the enterprise sees the flag, not the distance
      const own = await h.ok('u-zhangwei', { action: 'visit.get', id });
      expect(own.visit.members[0].checkinPlace).toEqual(expect.objectContaining({ distance: expected }));
      expect(own.visit.members[0].checkinPlace).not.toHaveProperty('latitude');
      const ent = await h.ok('u-linxiao', { action: 'visit.get', id });
      expect(ent.visit.flags.map((f: any) => f.key)).toEqual(['far']);
      expect(JSON.stringify(ent.visit)).not.toContain(String(FAR.latitude));
      expect(JSON.stringify(ent.visit)).not.toContain('farthest');
    });

    test('a check-in near the registered location is not flagged, and records location, distance and accuracy', async () => {
      await setSite(SITE);
      const scene = await sceneOf();
      const r = await checkin('u-zhangwei', scene, { location: NEAR });
      expect(r.ok).toBe(true);
      const stored = await visitDoc(r.ok && r.data.visit._id);
      const d = Math.round(haversine(NEAR, SITE));
      expect(d).toBeGreaterThan(50);
      expect(d).toBeLessThan(500);
      expect(stored).toMatchObject({ flags: [], red: false, flagged: false, farthest: d, location: { distance: d, accuracy: 25 } });
      expect((await messagesOf('u-sunli')).map((m) => m.title)).not.toContain('入企预警（红色）');
    });

    test('the distance is a setting', async () => {
      await setSite(SITE);
      await h.store.collection(C.settings).add({ _id: 'visits', value: { farMeters: 100 }, updatedAt: new Date().toISOString(), updatedBy: null });
      const r = await checkin('u-zhangwei', await sceneOf(), { location: NEAR });
      expect(r.ok && r.data.visit.flags.map((f: any) => f.key)).toEqual(['far']);
    });

    test('without a registered location the first visit sets it, shown as taken from that visit; later check-ins are compared with it', async () => {
      expect((await enterprise()).location ?? null).toBeNull();
      const scene = await sceneOf();
      // a fix too imprecise to register does not set it
      const vague = await checkin('u-zhangwei', scene, { location: { ...NEAR, accuracy: 1500 } });
      expect(vague.ok && vague.data.visit.flags).toEqual([]);
      expect((await enterprise()).location ?? null).toBeNull();
      await h.ok('u-zhangwei', { action: 'visit.checkout', scene, outcome: '了解用工需求', location: NEAR });

      h.clock.advance(HOUR);
      const first = await checkin('u-wangfang', scene, { location: NEAR });
      expect(first.ok).toBe(true);
      const firstVisit = await visitDoc(first.ok && first.data.visit._id);
      expect(firstVisit).toMatchObject({ flags: [], location: { distance: 0 }, site: { latitude: NEAR.latitude, longitude: NEAR.longitude, source: 'first_visit', visitNo: firstVisit.no } });
      expect((await enterprise()).location).toMatchObject({
        latitude: NEAR.latitude, longitude: NEAR.longitude, source: 'first_visit', visitId: firstVisit._id, visitNo: firstVisit.no, setById: 'u-wangfang',
      });
      const listed = await h.ok('u-admin', { action: 'admin.enterprises.list', q: '东城新材料' });
      expect(listed.items[0].location).toMatchObject({ source: 'first_visit', visitNo: firstVisit.no });
      await h.ok('u-wangfang', { action: 'visit.checkout', scene, outcome: '宣讲政策', location: NEAR });

      // a second "first" visit does not move it; a far one is measured from it
      h.clock.advance(HOUR);
      const later = await checkin('u-lina', scene, { location: FAR, reason: '企业反映问题需现场核实' });
      expect(later.ok).toBe(true);
      expect((await enterprise()).location).toMatchObject({ latitude: NEAR.latitude, source: 'first_visit' });
      expect(await visitDoc(later.ok && later.data.visit._id)).toMatchObject({ red: true, farthest: Math.round(haversine(FAR, NEAR)) });
      expect((await visitDoc(later.ok && later.data.visit._id)).flags).toContain('far');

      // the admin's location replaces it; sending the same coordinates back keeps the record as it is
      await setSite(SITE);
      expect((await enterprise()).location).toMatchObject({ ...SITE, source: 'admin' });
      const setAt = (await enterprise()).location!.setAt;
      h.clock.advance(HOUR);
      await setSite(SITE);
      expect((await enterprise()).location!.setAt).toBe(setAt);
      // and null clears it
      await setSite(null);
      expect((await enterprise()).location).toBeNull();
    });

    test('when the opener had no location, the first precise fix of a joining official registers it', async () => {
      const scene = await sceneOf();
      const r = await checkin('u-zhangwei', scene, { locationError: '定位失败' });
      const id = r.ok && r.data.visit._id;
      await h.ok('u-fengyu', { action: 'visit.join', scene, location: NEAR });
      const v = await visitDoc(id);
      expect((await enterprise()).location).toMatchObject({ latitude: NEAR.latitude, source: 'first_visit', visitNo: v.no, setById: 'u-fengyu' });
      expect(v).toMatchObject({ site: { source: 'first_visit' }, flags: ['no_location'] });
      expect(v.members[1].checkinPlace).toMatchObject({ distance: 0 });
    });

    test('a check-in without a location goes through, flagged, with the reason; it sets no registered location', async () => {
      const scene = await sceneOf();
      const r = await checkin('u-zhangwei', scene, { locationError: '用户拒绝授权获取位置' });
      expect(r.ok).toBe(true);
      const stored = await visitDoc(r.ok && r.data.visit._id);
      expect(stored).toMatchObject({
        status: 'open', flags: ['no_location'], flagged: true, red: false, farthest: null,
        location: { latitude: null, longitude: null, distance: null, missing: '用户拒绝授权获取位置' },
      });
      expect((await enterprise()).location ?? null).toBeNull();
      const alert = (await messagesOf('u-sunli')).find((m) => m.title === '入企预警')!;
      expect(alert.body).toContain('未获取扫码位置（用户拒绝授权获取位置）');
      // nothing said at all: still flagged
      await h.ok('u-zhangwei', { action: 'visit.checkout', scene, outcome: '了解用工需求', locationError: '定位失败' });
      const again = await checkin('u-wangfang', scene, {});
      expect(again.ok && again.data.visit.flags.map((f: any) => f.key)).toEqual(['no_location']);
    });

    test('bad coordinates are refused with VALIDATION_FAILED, at check-in, join, check-out and on the enterprise form', async () => {
      const scene = await sceneOf();
      const bad = [
        { latitude: 91, longitude: 120, accuracy: 10 },
        { latitude: -90.5, longitude: 120, accuracy: 10 },
        { latitude: 30, longitude: 181, accuracy: 10 },
        { latitude: '30.27', longitude: 120.15, accuracy: 10 },
        { latitude: 30.27, longitude: null, accuracy: 10 },
        { latitude: 30.27, longitude: 120.15, accuracy: -1 },
        { latitude: 30.27, longitude: 120.15 },
        'here',
      ];
      for (const location of bad) {
        expect(await checkin('u-zhangwei', scene, { location })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      }
      expect(await h.store.collection(C.visits).count({})).toBe(0);
      expect(await checkin('u-zhangwei', scene, { locationError: 'x'.repeat(61) })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      await checkin('u-zhangwei', scene, { location: NEAR });
      expect(await h.call('u-wangfang', { action: 'visit.join', scene, location: { latitude: 100, longitude: 0, accuracy: 5 } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect(await h.call('u-zhangwei', { action: 'visit.checkout', scene, outcome: '了解用工需求', location: { latitude: 0, longitude: -200, accuracy: 5 } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect(await setSite({ latitude: 30, longitude: 200 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect(await setSite({ latitude: 'x', longitude: 120 } as any)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      // only the admin sets it
      const e = await enterprise();
      expect(await h.call('u-sunli', { action: 'admin.enterprises.save', id: 'e-002', name: e.name, creditCode: e.creditCode, gridId: e.gridId, location: SITE })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    });

    test('joining and checking out far away flag the visit too', async () => {
      await setSite(SITE);
      const scene = await sceneOf();
      await checkin('u-zhangwei', scene, { location: NEAR });
      const [open] = await h.store.collection<Visit>(C.visits).find({ status: 'open' }, { limit: 1 });
      expect(open.flags).toEqual([]);
      await h.ok('u-fengyu', { action: 'visit.join', scene, location: FAR });
      const joined = await visitDoc(open._id);
      expect(joined).toMatchObject({ flags: ['far'], red: true, farthest: Math.round(haversine(FAR, SITE)) });
      expect(joined.members[1].checkinPlace).toMatchObject({ distance: Math.round(haversine(FAR, SITE)) });
      expect((await messagesOf('u-sunli')).map((m) => m.body).join('\n')).toContain('冯玉（区住房和城乡建设局）扫码加入入企时扫码位置距企业登记位置约');

      await h.ok('u-fengyu', { action: 'visit.checkout', scene, outcome: '核查施工现场', location: NEAR });
      await h.ok('u-zhangwei', { action: 'visit.checkout', scene, outcome: '了解用工需求' });
      const closed = await visitDoc(open._id);
      expect(closed.members.map((m) => m.checkoutPlace?.missing ?? null)).toEqual(['未提供位置', null]);
      expect(closed.flags).toEqual(['far', 'no_location']);
    });
  });

  describe('check-out', () => {
    test('check-out needs what was done (办理情况); it shows on the visit for the supervisors and the enterprise', async () => {
      const scene = await sceneOf();
      const r = await checkin('u-zhangwei', scene, { location: NEAR });
      const id = r.ok && r.data.visit._id;
      for (const outcome of [undefined, '', ' 好 ', 'x'.repeat(301), 42]) {
        const refused = await h.call('u-zhangwei', { action: 'visit.checkout', scene, location: NEAR, ...(outcome === undefined ? {} : { outcome }) });
        expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'outcome' })] });
      }
      expect(await h.call('u-zhangwei', { action: 'visit.checkout', visitId: id })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect((await visitDoc(id)).status).toBe('open');

      const out = await h.ok('u-zhangwei', { action: 'visit.checkout', scene, outcome: '  了解了新车间用工缺口，已对接人社部门招聘会  ', location: NEAR });
      expect(out).toMatchObject({ closed: true });
      expect(out.visit.members[0]).toMatchObject({ outcome: '了解了新车间用工缺口，已对接人社部门招聘会', checkoutPlace: expect.objectContaining({ missing: null }) });
      expect((await h.ok('u-sunli', { action: 'visit.get', id })).visit.members[0].outcome).toBe('了解了新车间用工缺口，已对接人社部门招聘会');
      const mine = await h.ok('u-linxiao', { action: 'visit.mine' });
      expect(mine.items[0].members[0].outcome).toBe('了解了新车间用工缺口，已对接人社部门招聘会');
    });

    test('problems found at check-out become a request of channel visit for the enterprise (走访代报), once', async () => {
      const scene = await sceneOf();
      const r = await checkin('u-zhangwei', scene, { location: NEAR });
      const id = r.ok && r.data.visit._id;
      const problems = { clientKey: 'checkout-problem-0001', category: 'yonggong', description: '新车间缺普工30名，急需招聘对接', photos: [], phone: '13612340001' };
      // a bad problem refuses the whole check-out: nothing filed, still on site
      expect(await h.call('u-zhangwei', { action: 'visit.checkout', scene, outcome: '了解用工需求', location: NEAR, problems: { ...problems, category: 'nope' } })).toMatchObject({
        ok: false, code: 'VALIDATION_FAILED',
      });
      expect(await h.requests().count({ visitId: id })).toBe(0);
      expect((await visitDoc(id)).status).toBe('open');

      const out = await h.ok('u-zhangwei', { action: 'visit.checkout', scene, outcome: '了解用工需求', location: NEAR, problems });
      expect(out).toMatchObject({ closed: true, request: { channel: 'visit', visitId: id, enterpriseId: 'e-002', submitterId: 'u-linxiao' } });
      const req = (await h.requests().get(out.request._id)) as ServiceRequest;
      expect(req).toMatchObject({ channel: 'visit', category: 'yonggong', description: '新车间缺普工30名，急需招聘对接', status: 'assigned' });
      expect(req.timeline[0].text).toContain('张伟（东城一网格）入企走访');
      expect((await visitDoc(id)).requestIds).toEqual([req._id]);
      expect((await h.ok('u-linxiao', { action: 'request.mine' })).items.map((x: any) => x._id)).toContain(req._id);
      // the same check-out again files nothing more
      expect(await h.call('u-zhangwei', { action: 'visit.checkout', scene, outcome: '了解用工需求', problems })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
      expect(await h.requests().count({ visitId: id })).toBe(1);
    });
  });

  test('a visit score must be chosen: without a value it is refused and nothing is recorded', async () => {
    const scene = await sceneOf();
    const r = await checkin('u-zhangwei', scene, { location: NEAR });
    const id = r.ok && r.data.visit._id;
    await h.ok('u-zhangwei', { action: 'visit.checkout', scene, outcome: '了解用工需求', location: NEAR });
    for (const score of [undefined, null, 0, 6, 3.5, '5']) {
      const refused = await h.call('u-linxiao', { action: 'visit.score', visitId: id, comment: '不错', ...(score === undefined ? {} : { score }) });
      expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    }
    expect(await visitDoc(id)).toMatchObject({ scoreSum: 0, scoreCount: 0 });
    expect(await h.store.collection(C.visitFeedback).count({ visitId: id })).toBe(0);
    await h.ok('u-linxiao', { action: 'visit.score', visitId: id, score: 4 });
    expect(await visitDoc(id)).toMatchObject({ scoreSum: 4, scoreCount: 1 });
  });
});
