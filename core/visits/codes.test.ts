/**
 * Visit codes: scene tokens and their mapping to enterprises and officials (on a bare SQLite store),
 * then the codes people print and show, through the service function: the poster's QR image decodes
 * back to the page URL with the enterprise's scene (read with a real QR decoder from the saved PNG),
 * and an official's personal code lets the enterprise check who stands at the door.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../adapters/sqlite-store';
import { fakeClock, permissiveContentCheck, recordingNotifier } from '../../adapters/local-ports';
import { ARRAY_FIELDS, INDEXES } from '../collections';
import type { Ports } from '../ports';
import { codeImage, codeLink, enterpriseCode, isSceneShaped, newScene, officialCode, renewCode, resolveScene, sceneFrom } from './codes';
import { makeHarness, HARNESS_PUBLIC_BASE, type Harness } from '../../tests/support/harness';

describe('scene tokens', () => {
  test('are 20 base62 characters: within the 32 wxacode allows, unguessable, all different', () => {
    const many = Array.from({ length: 2000 }, () => newScene());
    for (const s of many) {
      expect(s).toMatch(/^[0-9A-Za-z]{20}$/);
      expect(s.length).toBeLessThanOrEqual(32);
    }
    expect(new Set(many).size).toBe(many.length);
    // every character of the alphabet shows up: no bias towards a few
    expect(new Set(many.join('')).size).toBe(62);
  });

  test('anything not shaped like one of ours is rejected before the store is asked', () => {
    for (const bad of ['', 'e-002', 'abc', 'x'.repeat(23), 'AAAAAAAAAAAAAAAA%20', '../../etc', 42, null]) expect(isSceneShaped(bad)).toBe(false);
    expect(isSceneShaped('Ab3dEf7hIj9kLm1nOp2q')).toBe(true);
  });

  test('the scene is found in whatever a scanner returns', () => {
    const s = 'Ab3dEf7hIj9kLm1nOp2q';
    expect(sceneFrom(s)).toBe(s);
    expect(sceneFrom(`subpkg-visit/scan/index?scene=${s}`)).toBe(s);
    expect(sceneFrom(`https://yszt.example.cn/#/subpkg-visit/scan/index?scene=${s}`)).toBe(s);
    expect(sceneFrom(`https://yszt.example.cn/#/subpkg-visit/scan/index?a=1&scene=${s}&b=2`)).toBe(s);
    expect(sceneFrom('https://example.com/some/other/qr')).toBeNull();
    expect(sceneFrom('subpkg-visit/scan/index?scene=%E4%B8%AD')).toBeNull();
    expect(codeLink('enterprise', s)).toBe(`/#/subpkg-visit/scan/index?scene=${s}`);
    expect(codeLink('official', s)).toBe(`/#/subpkg-visit/check/index?scene=${s}`);
  });
});

describe('scene mapping', () => {
  let dir: string;
  let ports: Ports;
  const now = new Date('2026-11-23T01:30:00Z');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yszt-codes-'));
    const images: string[] = [];
    ports = {
      store: openSqliteStore({ file: join(dir, 'app.db'), indexes: INDEXES, arrays: ARRAY_FIELDS }),
      clock: fakeClock(now), notifier: recordingNotifier(), contentCheck: permissiveContentCheck,
      qrCode: { image: async (page, scene) => { images.push(`${page}?${scene}`); return { fileID: `local://codes/${scene}.png`, url: `/files/codes/${scene}.png` }; } },
    };
    (ports as { images?: string[] }).images = images;
  });
  afterEach(() => { (ports.store as unknown as { close(): void }).close(); rmSync(dir, { recursive: true, force: true }); });

  test('an enterprise gets one stable code that maps back to it and does not contain its id', async () => {
    const a = await enterpriseCode(ports, 'e-002', now);
    const again = await enterpriseCode(ports, 'e-002', now);
    expect(again._id).toBe(a._id);
    expect(a._id).not.toContain('002');
    expect(await resolveScene(ports, a._id)).toMatchObject({ kind: 'enterprise', enterpriseId: 'e-002', userId: null });
    const other = await enterpriseCode(ports, 'e-001', now);
    expect(other._id).not.toBe(a._id);
    expect((await resolveScene(ports, other._id)).enterpriseId).toBe('e-001');
  });

  test("an official's personal code maps to the official", async () => {
    const c = await officialCode(ports, 'u-fengyu', now);
    expect(await resolveScene(ports, c._id)).toMatchObject({ kind: 'official', userId: 'u-fengyu', enterpriseId: null });
  });

  test('unknown, malformed and revoked scenes fail with CODE_INVALID', async () => {
    const a = await enterpriseCode(ports, 'e-002', now);
    await expect(resolveScene(ports, newScene())).rejects.toMatchObject({ code: 'CODE_INVALID' });
    await expect(resolveScene(ports, 'e-002')).rejects.toMatchObject({ code: 'CODE_INVALID' });
    const b = await renewCode(ports, a, now);
    expect(b._id).not.toBe(a._id);
    await expect(resolveScene(ports, a._id)).rejects.toMatchObject({ code: 'CODE_INVALID', message: expect.stringContaining('已作废') });
    expect((await resolveScene(ports, b._id)).enterpriseId).toBe('e-002');
    expect((await enterpriseCode(ports, 'e-002', now))._id).toBe(b._id);
  });

  test('the image is made once, for the page the kind of code opens', async () => {
    const a = await enterpriseCode(ports, 'e-002', now);
    const first = await codeImage(ports, a);
    const second = await codeImage(ports, (await resolveScene(ports, a._id)));
    expect(second).toEqual(first);
    expect((ports as { images?: string[] }).images).toEqual([`subpkg-visit/scan/index?${a._id}`]);
  });

  test('an image made for one mini-program version is not handed out for another', async () => {
    const a = await enterpriseCode(ports, 'e-002', now);
    const made: string[] = [];
    const qr = (version: string) => ({
      version,
      image: async (page: string, scene: string) => { made.push(`${version}:${page}?${scene}`); return { fileID: `cloud://env.b/codes/${version}/${scene}.png`, url: `https://tmp/${version}/${scene}.png` }; },
    });
    const trial = await codeImage({ ...ports, qrCode: qr('trial') }, a);
    expect(trial.fileID).toContain('/trial/');
    // the deployment now serves the released version: a new image, kept for that version
    const release = await codeImage({ ...ports, qrCode: qr('release') }, await resolveScene(ports, a._id));
    expect(release.fileID).toContain('/release/');
    const again = await codeImage({ ...ports, qrCode: qr('release') }, await resolveScene(ports, a._id));
    expect(again).toEqual(release);
    expect(made).toEqual([`trial:subpkg-visit/scan/index?${a._id}`, `release:subpkg-visit/scan/index?${a._id}`]);
  });
});

/** where the officials stand when they scan (the first visit registers it as the enterprise's location) */
const HERE = { location: { latitude: 30.2741, longitude: 120.1551, accuracy: 20 } };

let h: Harness;

function decode(fileID: string): string {
  const path = join(h.filesDir, fileID.replace(/^local:\/\//, ''));
  const png = PNG.sync.read(readFileSync(path));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error(`no QR code in ${path}`);
  return found.data;
}

describe('the codes people print and show', () => {
  beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); });
  afterEach(() => h.cleanup());

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
});
