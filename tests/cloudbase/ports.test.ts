/**
 * The CloudBase ports (adapters/cloudbase-ports.ts) on the test bed: mini-program codes per
 * version, subscribe messages shaped as WeChat accepts them, the content check and the files.
 */
import { join } from 'path';
import { cloudbaseContentCheck, cloudbaseFiles, cloudbaseNotifier, cloudbaseQrCode, miniprogramVersion, type TemplateConfig } from '../../adapters/cloudbase-ports';
import { cloudbaseStore } from '../../adapters/cloudbase-store';
import { fakeClock } from '../../adapters/local-ports';
import { C } from '../../core/collections';
import { createFunctions, functionOf } from '../../core/functions';
import type { OutboxEntry } from '../../core/model';
import type { Ports } from '../../core/ports';
import { TEMPLATE_KEYS, TEMPLATES, type Template } from '../../core/notify/templates';
import { devOpenid, seedDemoDistrict } from '../../core/seed/demo-district';
import { CODE_PAGES } from '../../core/visits/codes';
import declared from '../../config/subscribe-templates.json';
import { functionConfig, miniProgramPages } from './functions';
import { createTestBed, type TestBed } from './testbed';

const ROOT = join(__dirname, '..', '..');
const PAGES = miniProgramPages(ROOT);
const SCENE = 'Ab3dE5fG7hJ9kL1mN2pQ';

let bed: TestBed;
beforeEach(() => {
  bed = createTestBed({ pages: PAGES });
  bed.sdk.init({ env: bed.sdk.DYNAMIC_CURRENT_ENV });
});

describe('mini-program codes', () => {
  it('open pages the mini-program has (WeChat does not check them with checkPath: false)', () => {
    for (const page of Object.values(CODE_PAGES)) expect(PAGES).toContain(page);
  });

  it('are cached per env version: a trial code is never handed out once the deployment serves the released version', async () => {
    const page = CODE_PAGES.enterprise;
    const trial = cloudbaseQrCode(bed.sdk, 'trial');
    const first = await trial.image(page, SCENE);
    expect(first.fileID).toMatch(new RegExp(`/codes/trial/${SCENE}\\.png$`));
    expect(first.url).toMatch(/^https:\/\//);
    // the same version again: the same image, a fresh temporary URL, no second code made
    const again = await trial.image(page, SCENE);
    expect(again.fileID).toBe(first.fileID);
    expect(bed.wechat.codes).toHaveLength(1);

    const release = await cloudbaseQrCode(bed.sdk, 'formal').image(page, SCENE);
    expect(release.fileID).toMatch(new RegExp(`/codes/release/${SCENE}\\.png$`));
    expect(release.fileID).not.toBe(first.fileID);
    const develop = await cloudbaseQrCode(bed.sdk, 'developer').image(page, SCENE);
    expect(develop.fileID).toMatch(/\/codes\/develop\//);
    expect(bed.wechat.codes.map((c) => [c.envVersion, c.page, c.scene, c.checkPath])).toEqual([
      ['trial', page, SCENE, false], ['release', page, SCENE, false], ['develop', page, SCENE, false],
    ]);
    // each version's image stays what it was made for: nothing overwrote the trial one
    const bytes = (await bed.sdk.downloadFile({ fileID: first.fileID })).fileContent as Buffer;
    expect(JSON.parse(bytes.subarray(4).toString())).toMatchObject({ envVersion: 'trial', scene: SCENE });
  });

  it('are made under the service function, which holds the wxacode permission', async () => {
    const image = () => cloudbaseQrCode(bed.sdk, 'formal').image(CODE_PAGES.official, SCENE);
    await expect(bed.invoke('service', image, {}, { config: functionConfig(ROOT, 'service') })).resolves.toMatchObject({ fileID: expect.stringContaining('/codes/release/') });
    await expect(bed.invoke('sweep', image, {}, { config: functionConfig(ROOT, 'sweep') })).rejects.toMatchObject({ errCode: -604101 });
  });

  it('MINIPROGRAM_STATE takes either spelling and refuses anything else, in Chinese', () => {
    expect(miniprogramVersion(undefined)).toEqual({ state: 'formal', envVersion: 'release' });
    expect(miniprogramVersion('develop')).toEqual({ state: 'developer', envVersion: 'develop' });
    expect(miniprogramVersion('trial')).toEqual({ state: 'trial', envVersion: 'trial' });
    expect(() => miniprogramVersion('prod')).toThrow(/MINIPROGRAM_STATE=prod 无效/);
    expect(() => cloudbaseQrCode(bed.sdk, 'beta')).toThrow(/无效/);
  });
});

describe('subscribe messages through the whole loop', () => {
  // the declared templates as a deployer fills them in: ids from the console, same field keys
  const ids: Record<string, string> = { statusChanged: 'TPL-STATUS-CHANGED', newAssignment: 'TPL-NEW-ASSIGNMENT' };
  const configured = Object.fromEntries(Object.entries(declared as Record<string, { fields: Record<string, string> }>)
    .map(([k, t]) => [k, { ...t, templateId: ids[k] }])) as unknown as TemplateConfig;

  // the server's side of the same declaration (core/notify/templates.ts reads the shipped file, ids empty)
  const shipped = { statusChanged: TEMPLATES.statusChanged.templateId, newAssignment: TEMPLATES.newAssignment.templateId };
  beforeAll(() => { for (const k of TEMPLATE_KEYS) (TEMPLATES[k] as Template).templateId = ids[k]; });
  afterAll(() => { for (const k of TEMPLATE_KEYS) (TEMPLATES[k] as Template).templateId = shipped[k]; });

  async function world() {
    const templates = Object.fromEntries(Object.entries(configured).map(([, t]) => [t.templateId, Object.keys(t.fields)]));
    const b = createTestBed({ pages: PAGES, templates });
    b.sdk.init({ env: b.sdk.DYNAMIC_CURRENT_ENV });
    const clock = fakeClock('2026-11-23T01:30:00Z');
    const store = cloudbaseStore(b.sdk.database());
    await seedDemoDistrict(store, clock.now());
    const ports: Ports = {
      store, clock, notifier: cloudbaseNotifier(b.sdk, configured, 'formal'), contentCheck: cloudbaseContentCheck(b.sdk),
      files: cloudbaseFiles(b.sdk), qrCode: cloudbaseQrCode(b.sdk, 'formal'),
    };
    const fns = createFunctions(ports);
    const ok = async (user: string, event: Record<string, unknown>) => {
      const r = await fns[functionOf(event.action)](event, { openid: devOpenid(user) });
      if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
      return r.data as any;
    };
    return { b, clock, ports, fns, ok };
  }

  it('every push passes WeChat argument rules; consents WeChat does not hold end as no_consent (43101) and are not tried again', async () => {
    const { b, fns, ok } = await world();
    // each of them tapped 允许 ten times for both templates: WeChat's count (the bed) and ours (notify.consent)
    for (const u of ['u-linxiao', 'u-zhangwei', 'u-wangfang']) {
      for (const id of Object.values(ids)) {
        b.consent(devOpenid(u), id, 10);
        for (let i = 0; i < 10; i++) await ok(u, { action: 'notify.consent', results: { [id]: 'accept' }, source: 'request' });
      }
    }
    const { request } = await ok('u-linxiao', { action: 'request.submit', clientKey: 'k-loop-0001', category: 'dianli', description: '厂区新建车间需要增容用电，报装申请提交两周仍无人联系。', photos: [], phone: '13612340001' });
    const officer = request.assigneeId as string;
    await ok(officer, { action: 'request.accept', id: request._id });
    await ok(officer, { action: 'request.resolve', id: request._id, result: '已联系供电公司完成增容，请企业确认' });
    await ok('u-linxiao', { action: 'request.confirm', id: request._id, score: 5, comment: '很及时' });
    await fns.notify({ Type: 'Timer' }, null);

    expect(b.wechat.sent.length).toBeGreaterThan(1);
    expect(b.wechat.sent.filter((s) => s.result !== 'ok')).toEqual([]);
    expect(new Set(b.wechat.sent.map((s) => s.templateId))).toEqual(new Set(Object.values(ids)));
    const outbox = (await b.sdk.database().collection(C.outbox).get()).data as OutboxEntry[];
    expect(outbox.map((o) => o.status).filter((s) => s !== 'sent')).toEqual([]);

    // consents WeChat no longer holds (our count says otherwise): 43101, the entry is no_consent and our count corrected (the in-app message stays)
    const before = b.wechat.sent.length;
    b.wechat.consents.clear();
    await ok('u-linxiao', { action: 'request.submit', clientKey: 'k-loop-0002', category: 'dianli', description: '第二件诉求：厂区道路照明需要维修。', photos: [], phone: '13612340001' });
    await fns.notify({ Type: 'Timer' }, null);
    const refused = b.wechat.sent.slice(before);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((s) => s.result === 43101)).toBe(true);
    const after = (await b.sdk.database().collection(C.outbox).where({ status: 'no_consent' }).get()).data as OutboxEntry[];
    // one 43101 per person and template; after it, that person's next notice by the template is not even tried
    expect(after.filter((e) => /^43101/.test(e.lastError ?? '')).length).toBe(refused.length);
    expect(after.every((e) => /^43101|次数已用完/.test(e.lastError ?? ''))).toBe(true);
    // and nothing more is tried for them until they consent again
    const tried = b.wechat.sent.length;
    await ok('u-linxiao', { action: 'request.submit', clientKey: 'k-loop-0003', category: 'dianli', description: '第三件诉求：厂区门口积水。', photos: [], phone: '13612340001' });
    await fns.notify({ Type: 'Timer' }, null);
    const untried = b.wechat.sent.slice(tried).filter((s) => s.touser === devOpenid('u-linxiao'));
    expect(untried).toEqual([]);
  });
});

describe('content check and files', () => {
  it('msgSecCheck v2: risky content is refused, an outage lets it through', async () => {
    bed.riskyWords('违禁');
    const check = cloudbaseContentCheck(bed.sdk);
    await expect(check.check('正常内容', 'o-1')).resolves.toEqual({ ok: true });
    await expect(check.check('违禁内容', 'o-1')).resolves.toEqual({ ok: false, reason: '内容未通过安全检测' });
    expect(bed.wechat.checks.map((c) => c.suggest)).toEqual(['pass', 'risky']);
    // any failure of the check itself lets the text through, a missing permission included
    const noPermission = () => check.check('违禁内容', 'o-1');
    await expect(bed.invoke('sweep', noPermission, {}, { config: functionConfig(ROOT, 'sweep') })).resolves.toEqual({ ok: true });
  });

  it('saves generated files and reads uploaded ones back', async () => {
    const files = cloudbaseFiles(bed.sdk);
    const saved = await files.save('exports/ledger-1.xlsx', new Uint8Array([1, 2, 3]), 'application/octet-stream');
    expect(saved.url).toMatch(/exports\/ledger-1\.xlsx\?sign=/);
    expect(Array.from((await files.read!(saved.fileID))!)).toEqual([1, 2, 3]);
    expect(await files.read!('cloud://elsewhere/none.xlsx')).toBeNull();
  });
});
