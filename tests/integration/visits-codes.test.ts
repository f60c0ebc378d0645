/**
 * The codes people print and show: the poster's QR image decodes back to the page URL with the
 * enterprise's scene (read with a real QR decoder from the saved PNG), and an official's personal
 * code lets the enterprise check who stands at the door.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { makeHarness, HARNESS_PUBLIC_BASE, type Harness } from '../support/harness';

/** where the officials stand when they scan (the first visit registers it as the enterprise's location) */
const HERE = { location: { latitude: 30.2741, longitude: 120.1551, accuracy: 20 } };

let h: Harness;
beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); });
afterEach(() => h.cleanup());

function decode(fileID: string): string {
  const path = join(h.filesDir, fileID.replace(/^local:\/\//, ''));
  const png = PNG.sync.read(readFileSync(path));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error(`no QR code in ${path}`);
  return found.data;
}

test("the poster's code decodes back to the visit page URL with the enterprise's scene", async () => {
  const poster = await h.ok('u-linxiao', { action: 'visit.poster' });
  expect(poster).toMatchObject({
    enterprise: { name: '东城新材料科技有限公司' },
    title: '公务入企 请扫码备案',
    complaint: { center: '云溪区营商环境优化中心' },
  });
  expect(poster.code.image.url).toBe(`/files/codes/${poster.code.scene}.png`);
  const url = decode(poster.code.image.fileID);
  expect(url).toBe(`${HARNESS_PUBLIC_BASE}/#/subpkg-visit/scan/index?scene=${poster.code.scene}`);
  expect(url.endsWith(poster.code.link)).toBe(true);
  // and that scene is this enterprise's
  expect(await h.ok('u-zhangwei', { action: 'visit.scan', scene: new URL(url.replace('#/', '')).searchParams.get('scene') })).toMatchObject({
    mode: 'checkin', enterprise: { id: 'e-002' },
  });
  // the same code for everyone who may print it
  expect((await h.ok('u-zhangwei', { action: 'visit.poster', enterpriseId: 'e-002' })).code.scene).toBe(poster.code.scene);
});

test("an official's code decodes to the check page; the enterprise sees who, why and on what basis", async () => {
  const mine = await h.ok('u-fengyu', { action: 'visit.officerCode' });
  expect(mine.official).toEqual({ name: '冯玉', roleLabel: '部门承办人', deptName: '区住房和城乡建设局' });
  expect(decode(mine.code.image.fileID)).toBe(`${HARNESS_PUBLIC_BASE}/#/subpkg-visit/check/index?scene=${mine.code.scene}`);

  // before checking in: the enterprise is told to have the official scan in first
  const before = await h.ok('u-linxiao', { action: 'visit.checkOfficer', scene: mine.code.scene });
  expect(before).toMatchObject({ official: { name: '冯玉', deptName: '区住房和城乡建设局', active: true }, status: 'not_checked_in' });
  expect(before.advice).toContain('尚未在贵企业扫码备案');

  const scene = (await h.ok('u-linxiao', { action: 'visit.code' })).code.scene;
  await h.ok('u-fengyu', {
    action: 'visit.checkin', ...HERE, scene, purpose: 'inspection', approvalRef: '云住建检备〔2026〕112号', legalBasis: '《建设工程质量管理条例》第四十七条', note: '在建厂房质量抽查',
  });
  const during = await h.ok('u-linxiao', { action: 'visit.checkOfficer', scene: mine.code.scene });
  expect(during).toMatchObject({
    status: 'checked_in',
    visit: { purposeLabel: '执法检查', approvalRef: '云住建检备〔2026〕112号', legalBasis: '《建设工程质量管理条例》第四十七条', enterpriseName: '东城新材料科技有限公司' },
  });
  // another enterprise scanning the same official does not learn where they are
  const elsewhere = await h.ok('u-gaopeng', { action: 'visit.checkOfficer', scene: mine.code.scene });
  expect(elsewhere).toMatchObject({ status: 'not_checked_in', visit: null });
  expect(JSON.stringify(elsewhere)).not.toContain('东城新材料');

  // a renewed personal code retires the old one
  const renewed = await h.ok('u-fengyu', { action: 'visit.officerCode', renew: true });
  expect(await h.call('u-linxiao', { action: 'visit.checkOfficer', scene: mine.code.scene })).toMatchObject({ ok: false, code: 'CODE_INVALID' });
  expect((await h.ok('u-linxiao', { action: 'visit.checkOfficer', scene: renewed.code.scene })).status).toBe('checked_in');
  // an enterprise code is not a personal code
  expect(await h.call('u-linxiao', { action: 'visit.checkOfficer', scene })).toMatchObject({ ok: false, code: 'CODE_INVALID', message: expect.stringContaining('亮证码') });
});

test('a planned inspection is shown to the enterprise scanning the official before check-in', async () => {
  await h.ok('u-fengyu', {
    action: 'plan.create', enterpriseId: 'e-002', items: '在建厂房质量抽查', legalBasis: '《建设工程质量管理条例》第四十七条',
    approvalRef: '云住建检备〔2026〕112号', from: '2026-11-23', to: '2026-11-27',
  });
  const code = await h.ok('u-fengyu', { action: 'visit.officerCode' });
  const seen = await h.ok('u-linxiao', { action: 'visit.checkOfficer', scene: code.code.scene });
  expect(seen).toMatchObject({ status: 'planned', plans: [{ items: '在建厂房质量抽查', approvalRef: '云住建检备〔2026〕112号' }] });
});
