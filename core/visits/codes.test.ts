import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../adapters/sqlite-store';
import { fakeClock, permissiveContentCheck, recordingNotifier } from '../../adapters/local-ports';
import { ARRAY_FIELDS, INDEXES } from '../collections';
import type { Ports } from '../ports';
import { codeImage, codeLink, enterpriseCode, isSceneShaped, newScene, officialCode, renewCode, resolveScene, sceneFrom } from './codes';

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
