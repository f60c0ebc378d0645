/**
 * Subscribe messages (issue 10): one declaration of the templates for the client and the server, and
 * payloads WeChat accepts whatever we feed them.
 *
 * This file runs with config/subscribe-templates.json replaced by the shipped declaration with real-looking
 * ids filled in (an empty id would make "same id on both sides" trivially true); the shipped file itself is
 * read from disk and checked too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DECLARATION_FILE = join(__dirname, '../../config/subscribe-templates.json');

jest.mock('../../config/subscribe-templates.json', () => jest.requireActual('../../tests/support/template-ids').declaredWithIds());
const requestSubscribeMessage = jest.fn(async () => ({ errMsg: 'requestSubscribeMessage:ok' }));
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage } }));
jest.mock('@tarojs/cli', () => ({ defineConfig: (f: unknown) => f }));

// required after the mocks are registered (the esbuild transform does not hoist jest.mock)
/* eslint-disable @typescript-eslint/no-require-imports */
const { C } = require('../collections') as typeof import('../collections');
const { checkField, ELLIPSIS } = require('./fields') as typeof import('./fields');
const { checkPayload, shapePayload } = require('./payload') as typeof import('./payload');
const T = require('./templates') as typeof import('./templates');
const { requestSubscribe, subscribeIds } = require('../../src/services/subscribe') as typeof import('../../src/services/subscribe');
const { makeHarness, submission } = require('../../tests/support/harness') as typeof import('../../tests/support/harness');
/* eslint-enable @typescript-eslint/no-require-imports */
import type { OutboxEntry } from '../model';
import type { NoticeFields } from './payload';
import type { Template, TemplateKey } from './templates';
import type { Harness } from '../../tests/support/harness';
import { IDS } from '../../tests/support/template-ids';

const shipped = JSON.parse(readFileSync(DECLARATION_FILE, 'utf8'));
const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// --- nasty inputs -------------------------------------------------------------------------------
const LONG = '东城新材料科技有限公司新建三号车间需要增容用电，报装申请已经提交两周仍无人联系，影响下月投产计划，请尽快协调供电公司';
const han = (n: number) => LONG.replace(/[，。]/g, '').slice(0, n);
const at = (pos: number, emoji = '😀') => han(pos - 1) + emoji + han(30);

const NOTICES: Array<[string, NoticeFields]> = [
  ['a realistic request event', { no: 'SQ202611230001', status: '办理中', title: '新车间用电增容两周无人联系', time: '2026-11-23T01:30:00.000Z', remark: '已联系供电公司现场勘察' }],
  ['long Chinese text everywhere', { no: 'SQ202611230002', status: '待补充材料', title: LONG, time: new Date('2026-11-23T15:59:59Z'), remark: LONG + LONG }],
  ['an emoji at the 19th character', { no: 'SQ202611230003', status: '待签收', title: at(19), time: '2026-11-23T01:30:00Z', remark: at(19, '👨‍👩‍👧') }],
  ['an emoji at the 20th character', { no: 'SQ202611230004', status: '待评价', title: at(20), time: '2026-11-23T01:30:00Z', remark: at(20, '🇨🇳') }],
  ['an emoji at the 21st character', { no: 'SQ202611230005', status: '已办结', title: at(21), time: '2026-11-23T01:30:00Z', remark: at(21, '👍🏽') }],
  ['Chinese names and a long company name', { no: 'GW202611230001', status: '已入企', title: '公务入企备案（联合）', time: '2026-11-23T01:30:00Z', remark: '欧阳娜娜（区市场监督管理局）、阿卜杜热合曼·买买提明（区住房和城乡建设局）于 2026-11-23 09:30 扫码加入云溪区东城街道新材料产业园智能装备制造有限责任公司本次入企' }],
  ['a visit score', { no: 'GW202611230002', status: '评分1分', title: '入企低分评价', time: '2026-11-23T01:30:00Z', remark: '东城新材料科技有限公司 对入企记录 GW202611230002 评分 1 分：态度差' }],
  ['joint inspection words', { no: 'pid000000000000000000000001', status: '联合检查建议', title: '联合检查建议', time: '2026-11-23T01:30:00Z', remark: '东城新材料科技有限公司：区自然资源局、区住房和城乡建设局计划在同一周入企检查' }],
  ['empty values', { no: 'SQ202611230006', status: '已取消', title: '', time: '2026-11-23T01:30:00Z', remark: '   \n  ' }],
  ['line breaks and control characters', { no: 'SQ202611230007', status: '办理中', title: '第一行\r\n第二行\t第三行\u0000', time: '2026-11-23T01:30:00Z', remark: '\u200b\u202e反向文字\ufeff' }],
];

/** a deployer's other choice of template for statusChanged: every part shown as a different type */
const OTHER_LAYOUT = T.parseDeclaration({
  statusChanged: { templateId: 'x', fields: { character_string1: 'no', phrase2: 'status', name3: 'title', date4: 'time', thing5: 'remark' } },
  newAssignment: { templateId: 'y', fields: { number1: 'no', thing2: 'title', time3: 'time', phrase4: 'status' } },
});

function expectAcceptable(template: Template, data: Record<string, string>) {
  for (const f of template.fields) {
    const v = data[f.part];
    expect({ field: f.key, value: v, problem: checkField(f.type, v) }).toEqual({ field: f.key, value: v, problem: null });
    expect(lone.test(v)).toBe(false);
    if (f.type === 'thing') expect(v.length).toBeLessThanOrEqual(20);
    if (f.type === 'character_string') expect(v).toMatch(/^[\x21-\x7E]{1,32}$/);
    if (f.type === 'phrase') expect(v).toMatch(/^\p{Script=Han}{1,5}$/u);
  }
}

describe('the shipped declaration', () => {
  test('declares every template the code sends, each key a WeChat type, each value a notice part', () => {
    const parsed = T.parseDeclaration(shipped);
    expect(parsed.problems).toEqual({ statusChanged: [], newAssignment: [] });
    for (const key of T.TEMPLATE_KEYS) {
      for (const [fieldKey, part] of Object.entries(shipped[key].fields as Record<string, string>)) {
        expect(T.FIELD_TYPES).toContain(T.fieldTypeOf(fieldKey));
        expect(T.NOTICE_PARTS).toContain(part);
      }
    }
    expect(parsed.templates.statusChanged.fields.map((f) => `${f.key}:${f.type}`)).toEqual(['character_string1:character_string', 'phrase2:phrase', 'thing3:thing', 'time4:time', 'thing5:thing']);
  });

  test('a declaration a deployer got wrong is reported, per template, without stopping the app', () => {
    const bad = T.parseDeclaration({ statusChanged: { templateId: 'a', fields: { keyword1: 'no', thing2: 'colour', thing3: 'title', phrase4: 'title' } } });
    expect(bad.problems.statusChanged.join('\n')).toMatch(/keyword1: the key must be a WeChat type/);
    expect(bad.problems.statusChanged.join('\n')).toMatch(/"colour" is not one of/);
    expect(bad.problems.statusChanged.join('\n')).toMatch(/"title" is already shown as thing/);
    expect(bad.problems.newAssignment).toEqual(['template newAssignment is not declared']);
  });
});

describe.each(T.TEMPLATE_KEYS)('template %s: every produced field passes its type rules', (key: TemplateKey) => {
  test.each(NOTICES)('%s (shipped layout)', (_label, notice) => {
    const { data, problems } = shapePayload(T.TEMPLATES[key], notice);
    expect(problems).toEqual([]);
    expectAcceptable(T.TEMPLATES[key], data);
    expect(checkPayload(key, data)).toEqual([]);
  });

  test.each(NOTICES)('%s (another layout: name, date, number fields)', (_label, notice) => {
    const template = OTHER_LAYOUT.templates[key];
    // a number field cannot show a ticket number with letters: that is reported, never sent
    const { data, problems } = shapePayload(template, notice);
    const numberField = template.fields.find((f) => f.type === 'number');
    if (numberField) {
      expect(problems).toEqual([expect.stringMatching(/^number1 \(no\): must be ≤ 32 digits/)]);
      return;
    }
    expect(problems).toEqual([]);
    expectAcceptable(template, data);
  });
});

test('what the nasty inputs become', () => {
  const s = (n: NoticeFields) => shapePayload(T.TEMPLATES.statusChanged, n).data;
  expect(s(NOTICES[1][1])).toMatchObject({ title: han(19) + ELLIPSIS, time: '2026年11月23日 23:59' });
  // 18 characters and an emoji fill the 20, so the emoji makes way for the ellipsis, whole
  expect(s(NOTICES[2][1]).title).toBe(han(18) + ELLIPSIS);
  expect(s({ ...NOTICES[2][1], title: han(18) + '😀' }).title).toBe(han(18) + '😀');
  expect(s(NOTICES[3][1]).title).toBe(han(19) + ELLIPSIS);
  expect(s(NOTICES[6][1]).status).toBe('评分一分');
  expect(s(NOTICES[7][1]).status).toBe('联检建议');
  expect(s(NOTICES[8][1])).toMatchObject({ title: '无', remark: '无' });
  expect(s(NOTICES[9][1])).toMatchObject({ title: '第一行 第二行 第三行', remark: '反向文字' });
});

test('a Chinese name or company as the number, or a word that is no phrase, is reported with the field and reason', () => {
  const { problems } = shapePayload(T.TEMPLATES.statusChanged, { ...NOTICES[0][1], no: '区住房和城乡建设局', status: '检查计划已合并为联合检查' });
  expect(problems).toEqual([
    expect.stringMatching(/^character_string1 \(no\): only ASCII letters, digits and symbols/),
    expect.stringMatching(/^phrase2 \(status\): must be 1–5 Chinese characters/),
  ]);
});

describe('one declaration for the client and the server', () => {
  test('the mini-program is built with exactly the declaration file', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configure = require('../../config/index').default as (merge: (...c: object[]) => object) => Promise<{ defineConstants: Record<string, string> }>;
    const config = await configure((...parts) => Object.assign({}, ...parts));
    expect(JSON.parse(config.defineConstants.SUBSCRIBE_TEMPLATES)).toEqual(shipped);
  });

  test('the client subscribes to the ids the server sends with, and an admin cannot make them differ', async () => {
    const h: Harness = await makeHarness();
    const TARO_ENV = process.env.TARO_ENV;
    try {
      // the client: the ids its subscribe call asks for, from the declaration it was built with
      const declaration = jest.requireMock('../../config/subscribe-templates.json');
      expect(subscribeIds(['statusChanged', 'newAssignment'], declaration)).toEqual([IDS.statusChanged, IDS.newAssignment]);
      process.env.TARO_ENV = 'weapp';
      (globalThis as Record<string, unknown>).SUBSCRIBE_TEMPLATES = declaration;
      await requestSubscribe('statusChanged', 'statusChanged', 'newAssignment');
      expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [IDS.statusChanged, IDS.newAssignment] });

      // what the old admin override left in the settings is not read any more
      await h.store.collection(C.settings).add({ _id: 'templates', value: { statusChanged: { templateId: 'admin-typed-id' }, newAssignment: { templateId: 'admin-typed-id-2' } }, updatedAt: '', updatedBy: 'u-admin' } as never);
      const rules = await h.ok('u-admin', { action: 'admin.rules.get' });
      expect(rules.rules.templates).toEqual({ statusChanged: { templateId: IDS.statusChanged }, newAssignment: { templateId: IDS.newAssignment } });
      // saving what the page shows (or leaving an id empty) is fine; another id is refused with the reason
      await h.ok('u-admin', { action: 'admin.rules.save', version: rules.version, rules: { ...rules.rules, templates: { statusChanged: { templateId: '' }, newAssignment: { templateId: IDS.newAssignment } } } });
      const refused = await h.call('u-admin', { action: 'admin.rules.save', version: rules.version + 1, rules: { ...rules.rules, templates: { ...rules.rules.templates, statusChanged: { templateId: 'admin-typed-id' } } } });
      expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'rules.templates.statusChanged.templateId', message: expect.stringContaining('部署配置') }] });

      // the server: a request's pushes, to the enterprise (statusChanged) and the officer (newAssignment)
      await h.consentAll();
      const { request } = await h.ok('u-linxiao', submission());
      const entries = (await h.store.collection<OutboxEntry>(C.outbox).find({ requestId: request._id })).filter((e) => e.channel === 'wechat');
      expect(new Set(entries.map((e) => `${e.template}:${e.templateId}`))).toEqual(new Set([`statusChanged:${IDS.statusChanged}`, `newAssignment:${IDS.newAssignment}`]));
      const sentIds = new Set(h.notifier.sent.map((m) => m.templateId));
      expect(sentIds).toEqual(new Set([IDS.statusChanged, IDS.newAssignment]));
      expect([...sentIds].every((id) => subscribeIds(['statusChanged', 'newAssignment'], declaration).includes(id!))).toBe(true);
    } finally {
      process.env.TARO_ENV = TARO_ENV;
      delete (globalThis as Record<string, unknown>).SUBSCRIBE_TEMPLATES;
      h.cleanup();
    }
  });
});

describe('every place that pushes builds a payload WeChat accepts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness('2026-11-23T01:30:00Z');
    await h.consentAll();
  });
  afterEach(() => h.cleanup());

  /** every entry written is pending or sent (never failed for its data), and every sent payload passes */
  async function expectAllAcceptable() {
    const entries = (await h.store.collection<OutboxEntry>(C.outbox).find({}, { limit: 1000 })).filter((e) => (e.channel ?? 'wechat') === 'wechat');
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect({ id: e._id, status: e.status, lastError: e.lastError }).toEqual({ id: e._id, status: 'sent', lastError: null });
      expect(checkPayload(e.template, e.data)).toEqual([]);
    }
    for (const m of h.notifier.sent) expect(checkPayload(m.template, m.data)).toEqual([]);
  }

  test('requests and supervision cards, with emoji near the 20th character and long text', async () => {
    const description = `${han(18)}😀${han(1)}👨‍👩‍👧${LONG}`;
    const { request } = await h.ok('u-linxiao', submission({ description }));
    const officer = request.assigneeId as string;
    await h.ok(officer, { action: 'request.accept', id: request._id });
    await h.ok(officer, { action: 'request.progress', id: request._id, note: `${han(19)}🇨🇳已联系供电公司现场勘察\n第二行` });
    const issued = await h.ok('u-sunli', { action: 'card.issue', id: request._id, leadDeptId: 'dep-zjj', coDeptIds: ['dep-zrzy'], deadline: '2026-12-04', instructions: '请牵头答复' });
    const cardId = issued.card?._id ?? issued.cardId ?? issued.request?.cardId;
    await h.ok('u-fengyu', { action: 'card.accept', cardId });
    await h.ok('u-qianjun', { action: 'card.accept', cardId });
    await h.ok('u-qianjun', { action: 'card.reply', cardId, reply: `协办意见${'😀'.repeat(12)}` });
    await h.ok('u-fengyu', { action: 'card.progress', cardId, note: `${han(19)}🇨🇳已现场核查` });
    await h.ok('u-sunli', { action: 'card.urge', cardId, note: '请尽快答复' });
    await h.ok('u-fengyu', { action: 'card.final', cardId, answer: `已明确办理路径${'😀'.repeat(12)}`, confirm: true });
    await h.ok('u-linxiao', { action: 'request.confirm', id: request._id, score: 1, comment: '评分1分' });
    await expectAllAcceptable();
    const title = h.notifier.sent.find((m) => m.template === 'statusChanged')!.data.title;
    expect(title).toBe(`${han(18)}${ELLIPSIS}`);
  });

  test('visits: check-in, joint visit, low score, check-out', async () => {
    const scene = (await h.ok('u-linxiao', { action: 'visit.code' })).code.scene;
    const { visit } = await h.ok('u-zhangwei', { action: 'visit.checkin', scene, purpose: 'help', note: `了解企业用工需求${'😀'.repeat(10)}` });
    await h.ok('u-wangfang', { action: 'visit.join', scene });
    await h.ok('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 1, comment: '态度差😡' });
    await h.ok('u-zhangwei', { action: 'visit.checkout', scene, outcome: `已了解用工需求${'😀'.repeat(10)}` });
    await h.ok('u-wangfang', { action: 'visit.checkout', scene, outcome: '已对接招聘会' });
    await expectAllAcceptable();
    expect(h.notifier.sent.map((m) => m.data.status)).toEqual(expect.arrayContaining(['已入企', '评分一分', '已签退']));
    expect(h.notifier.sent.every((m) => m.data.no === visit.no)).toBe(true);
  });

  test('plans: notice, joint proposal, merge, cancel', async () => {
    const plan = (over: Record<string, unknown>) => ({ action: 'plan.create', enterpriseId: 'e-002', items: '用地手续及土地利用情况', legalBasis: '《土地管理法》第六十七条', approvalRef: '云自然检〔2026〕21号', from: '2026-11-30', to: '2026-12-04', ...over });
    await h.ok('u-qianjun', plan({}));
    const second = await h.ok('u-fengyu', plan({ items: '在建厂房施工安全', legalBasis: '《建设工程安全生产管理条例》第四十三条', approvalRef: '云住建检备〔2026〕112号', from: '2026-12-01', to: '2026-12-05' }));
    await h.ok('u-sunli', { action: 'plan.merge', planIds: second.proposal.planIds });
    await h.ok('u-fengyu', { action: 'plan.cancel', id: second.plan._id, reason: '施工已停工' });
    await expectAllAcceptable();
    const statuses = new Set(h.notifier.sent.map((m) => m.data.status));
    expect(statuses).toEqual(new Set(['检查预告', '联检建议', '联检预告', '联合检查', '已取消']));
    // the number is an ASCII id, never a department or company name
    for (const m of h.notifier.sent) expect(m.data.no).toMatch(/^[\x21-\x7E]+$/);
  });
});
