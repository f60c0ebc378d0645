/**
 * The mini-program's side of consent accounting (src/services/subscribe.ts) against the real service
 * handlers: WeChat's answers (requestSubscribeMessage, getSetting) are reported and counted, the
 * sheet is asked for inside the tap, and natural taps ask only when the user runs low.
 *
 * WeChat is a stand-in (@tarojs/taro mocked); Taro.cloud.callFunction reaches the harness's service
 * function as the signed-in user. The declaration has real-looking ids (an empty id asks nothing).
 */

jest.mock('../../config/subscribe-templates.json', () => jest.requireActual('../support/template-ids').declaredWithIds());

let caller = '';
let harness: Harness | null = null;
const requestSubscribeMessage = jest.fn();
const getSetting = jest.fn();
const callFunction = jest.fn(async ({ name, data }: { name: string; data: Record<string, unknown> }) => {
  if (name !== 'service' || !harness) throw new Error(`unexpected call ${name}`);
  return { result: await harness.call(caller, data) };
});
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { requestSubscribeMessage, getSetting, cloud: { callFunction }, getStorageSync: () => '', getCurrentPages: () => [] },
}));

// required after the mocks are registered (the esbuild transform does not hoist jest.mock)
/* eslint-disable @typescript-eslint/no-require-imports */
const { C } = require('../../core/collections') as typeof import('../../core/collections');
const client = require('../../src/services/subscribe') as typeof import('../../src/services/subscribe');
const { makeHarness } = require('../support/harness') as typeof import('../support/harness');
/* eslint-enable @typescript-eslint/no-require-imports */
import type { Subscription } from '../../core/model';
import type { NotifySettings } from '../../src/shared/api-types';
import type { Harness } from '../support/harness';
import { IDS } from '../support/template-ids';

const TARO_ENV = process.env.TARO_ENV;
beforeAll(async () => {
  harness = await makeHarness();
  process.env.TARO_ENV = 'weapp';
  (globalThis as Record<string, unknown>).SUBSCRIBE_TEMPLATES = jest.requireMock('../../config/subscribe-templates.json');
});
afterAll(() => {
  process.env.TARO_ENV = TARO_ENV;
  delete (globalThis as Record<string, unknown>).SUBSCRIBE_TEMPLATES;
  harness?.cleanup();
});
beforeEach(() => {
  jest.clearAllMocks();
  client.forgetNotifySettings();
});

/** the next settings the client caches (answers are reported in the background) */
const nextSettings = () =>
  new Promise<NotifySettings>((resolve) => {
    const off = client.onNotifySettings((s) => {
      off();
      resolve(s);
    });
  });
const newWork = (s: NotifySettings) => s.templates.find((t) => t.key === 'newAssignment')!;
const stored = (userId: string) => harness!.store.collection<Subscription>(C.subscriptions).get(`${userId}:newAssignment`);
const answering = (answer: string) => requestSubscribeMessage.mockImplementation(async ({ tmplIds }: { tmplIds: string[] }) => ({
  errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(tmplIds.map((id) => [id, answer])),
}));

test('an accept is asked for inside the tap, reported, and counted on the server', async () => {
  caller = 'u-zhangwei';
  answering('accept');
  const reported = nextSettings();
  const answer = client.requestSubscribe('newAssignment');
  // nothing awaited before the call: WeChat shows its sheet only when it starts in the tap
  expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [IDS.newAssignment] });
  await expect(answer).resolves.toEqual({ [IDS.newAssignment]: 'accept' });
  const s = await reported;
  expect(callFunction).toHaveBeenCalledWith({ name: 'service', data: { action: 'notify.consent', results: { [IDS.newAssignment]: 'accept' }, source: 'request' } });
  expect(newWork(s)).toMatchObject({ credits: 1, label: '还可接收 1 条新工单提醒', topUp: true });
  expect(client.cachedNotifySettings()).toBe(s);
  await expect(stored('u-zhangwei')).resolves.toMatchObject({ credits: 1, granted: 1, state: 'accept' });
});

test('the main switch turned off (20004) is reported; a later answer turns it back on', async () => {
  caller = 'u-wangfang';
  requestSubscribeMessage.mockRejectedValueOnce({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail main switch is off' });
  let reported = nextSettings();
  await expect(client.requestSubscribe('newAssignment')).resolves.toBeNull();
  let s = await reported;
  expect(s.mainSwitch).toBe(false);
  expect(newWork(s)).toMatchObject({ label: '已关闭全部订阅消息（可在小程序设置中打开）', topUp: false });

  answering('accept');
  reported = nextSettings();
  await client.requestSubscribe('newAssignment');
  s = await reported;
  expect(callFunction).toHaveBeenLastCalledWith({ name: 'service', data: { action: 'notify.consent', results: { [IDS.newAssignment]: 'accept' }, source: 'request', mainSwitch: true } });
  expect(s.mainSwitch).toBe(true);
  expect(newWork(s)).toMatchObject({ credits: 1, label: '还可接收 1 条新工单提醒' });
});

test('a closed sheet (other failures) reports nothing', async () => {
  caller = 'u-lina';
  requestSubscribeMessage.mockRejectedValueOnce({ errCode: 20001, errMsg: 'requestSubscribeMessage:fail No template data return' });
  await expect(client.requestSubscribe('newAssignment')).resolves.toBeNull();
  expect(callFunction).not.toHaveBeenCalled();
  await expect(stored('u-lina')).resolves.toBeNull();
});

test('natural taps ask only while the user runs low, and not again after a decline in the session', async () => {
  caller = 'u-liuyang';
  answering('accept');
  // nothing known yet: WeChat asks (the request is cheap, and only possible in the tap)
  let reported = nextSettings();
  client.offerTopUp('newAssignment');
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
  await reported;
  // low (1 < 3): asks at each natural tap until there are enough
  for (const credits of [2, 3]) {
    reported = nextSettings();
    client.offerTopUp('newAssignment');
    expect(newWork(await reported).credits).toBe(credits);
  }
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(3);
  expect(newWork(client.cachedNotifySettings()!)).toMatchObject({ credits: 3, topUp: false });
  client.offerTopUp('newAssignment');
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(3);

  // another user, who declines: not asked again at natural taps in this session
  client.forgetNotifySettings();
  caller = 'u-chenjing';
  answering('reject');
  reported = nextSettings();
  client.offerTopUp('newAssignment');
  expect(newWork(await reported)).toMatchObject({ credits: 0, state: 'reject', topUp: true });
  client.offerTopUp('newAssignment');
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(4);
  // the settings page's own button still asks
  answering('accept');
  reported = nextSettings();
  await client.requestSubscribe('newAssignment');
  expect(newWork(await reported).credits).toBe(1);
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(5);
});

test("the settings page reports WeChat's own switches (getSetting), only for our templates", async () => {
  caller = 'u-yangfan';
  getSetting.mockResolvedValueOnce({
    errMsg: 'getSetting:ok',
    subscriptionsSetting: { mainSwitch: true, itemSettings: { [IDS.newAssignment]: 'reject', 'another-apps-template': 'accept' } },
  });
  const { system, settings } = await client.syncSettings();
  expect(getSetting).toHaveBeenCalledWith({ withSubscriptions: true });
  expect(system).toEqual({ mainSwitch: true, items: { [IDS.newAssignment]: 'reject' } });
  expect(callFunction).toHaveBeenCalledWith({ name: 'service', data: { action: 'notify.consent', results: { [IDS.newAssignment]: 'reject' }, source: 'setting', mainSwitch: true } });
  expect(newWork(settings)).toMatchObject({ always: 'reject', label: '已选择不再接收新工单提醒', topUp: false });
  await expect(stored('u-yangfan')).resolves.toMatchObject({ always: 'reject', credits: 0 });
  // refused for good: natural taps do not ask
  client.offerTopUp('newAssignment');
  expect(requestSubscribeMessage).not.toHaveBeenCalled();
});
