import { gcj02ToWgs84, wgs84ToGcj02 } from '../../src/shared/gcj02';
import { haversine, placeAlert, placeFlags, placeOf } from './presence';

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
