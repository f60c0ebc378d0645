/**
 * Sign-in on a district's own server (SEED=empty), in a real browser at phone width: an enterprise user
 * signs up, signs out, signs in; five wrong passwords lock the account with a clear message; a staff member
 * who opened an account with an invite code is sent back to the login page as soon as the admin
 * deactivates them. Also: no /dev routes, the H5 app runs under the Content-Security-Policy without a single
 * violation, and nothing secret is ever put into a URL. Screenshots go to E2E_SHOTS (signin-*.png).
 */
import type { Page } from 'playwright-core';
import { useE2EWorld } from '../support/e2e-world';
import { button, field, visible } from '../support/pages';
import { functionOf } from '../../core/functions';

jest.setTimeout(600_000); // a whole journey in a real browser on a busy 2-core machine

const world = useE2EWorld('signin', { seed: false, bootstrapAdminCode: 'BOOT7788' });
const problems: string[] = [];
const urls: string[] = [];

async function phone(): Promise<Page> {
  const page = await world.page(390, { deviceScaleFactor: 1, onError: (e) => problems.push(`page error: ${e.message}`) });
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text()); });
  page.on('request', (r) => urls.push(r.url()));
  return page;
}
const { shot } = world;

async function fillSignIn(page: Page, tab: '登录' | '企业注册' | '使用邀请码', phoneNo: string, password: string, code?: string) {
  await page.goto(`${world.base}/#/pages/login/index`);
  await page.locator('.login__tab', { hasText: tab }).locator('visible=true').first().click();
  if (code) await field(page, '管理员提供的邀请码').fill(code);
  await field(page, '11位手机号').fill(phoneNo);
  await field(page, tab === '登录' ? '密码' : '至少 8 位').fill(password);
  if (tab !== '登录') await field(page, '再次输入密码').fill(password);
}

test('sign up, sign out, sign in, get locked out, and be signed out when deactivated', async () => {
  // no demo login here
  expect((await fetch(`${world.base}/dev/users`)).status).toBe(404);

  // 1. an enterprise user signs up on the phone, lands on the home page
  const ent = await phone();
  await ent.goto(`${world.base}/#/pages/login/index`);
  await visible(ent, '营商环境 · 诉求直通').waitFor();
  await shot(ent, 'signin-01-login');
  await fillSignIn(ent, '企业注册', '13655550001', 'short');
  await button(ent, '注册并登录').click();
  await visible(ent, '密码至少 8 位，且同时包含字母和数字').waitFor();
  await fillSignIn(ent, '企业注册', '13655550001', 'qiye2026ok');
  await shot(ent, 'signin-02-register');
  await button(ent, '注册并登录').click();
  await visible(ent, '企业用户，您好').waitFor();
  await visible(ent, '退出登录').waitFor();
  await shot(ent, 'signin-03-home');

  // 2. sign out: back to the login page, and the old token no longer works
  const token = await ent.evaluate(() => localStorage.getItem('devToken'));
  await visible(ent, '退出登录').click();
  await ent.locator('.login__tab').first().waitFor();
  const old = JSON.parse(token!).data as string;
  expect((await fetch(`${world.base}/api/service`, { method: 'POST', headers: { authorization: `Bearer ${old}` }, body: '{"action":"me"}' })).status).toBe(401);

  // 3. sign in again
  await fillSignIn(ent, '登录', '13655550001', 'qiye2026ok');
  await button(ent, '登录').click();
  await visible(ent, '企业用户，您好').waitFor();
  await visible(ent, '退出登录').click();
  await ent.locator('.login__tab').first().waitFor();

  // 4. five wrong passwords: the count-down, then the lock, which holds for the right password too
  for (let i = 1; i <= 5; i++) {
    await fillSignIn(ent, '登录', '13655550001', `wrong${i}pass`);
    await button(ent, '登录').click();
    await visible(ent, i < 5 ? /手机号或密码错误/ : '密码错误次数过多，请15分钟后再试').waitFor();
  }
  await shot(ent, 'signin-04-locked');
  await fillSignIn(ent, '登录', '13655550001', 'qiye2026ok');
  await button(ent, '登录').click();
  await visible(ent, /密码错误次数过多，请\d+分钟后再试/).waitFor();

  // 5. the first admin (bootstrap code) invites a dispatcher, who opens the account on a phone
  const admin = await phone();
  await fillSignIn(admin, '使用邀请码', '13900007788', 'admin2026ok', 'BOOT7788');
  await button(admin, '开通账号并登录').click();
  await visible(admin, '管理员，您好').waitFor();
  const [adminUser] = await world.server.ports.store.collection('users').find({ roles: { $all: ['admin'] } }, { limit: 1 });
  const as = (event: Record<string, unknown>) => world.server.functions[functionOf(event.action)](event, { openid: adminUser.openid as string });
  const district = await as({ action: 'admin.orgs.create', kind: 'district', name: '云溪区' });
  expect(district.ok).toBe(true);
  const invited = await as({ action: 'admin.staff.invite', name: '郑调度', phone: '13700007788', roles: ['dispatcher'], orgId: (district as { data: { org: { id: string } } }).data.org.id });
  const code = (invited as { ok: true; data: { invite: { code: string } } }).data.invite.code;
  const staff = await phone();
  await fillSignIn(staff, '使用邀请码', '13700007788', 'diaodu2026', code);
  await button(staff, '开通账号并登录').click();
  await visible(staff, '郑调度，您好').waitFor();

  // 6. the admin deactivates the dispatcher: the next thing the dispatcher does ends on the login page
  const deactivated = await as({ action: 'admin.staff.deactivate', id: (invited as { data: { user: { id: string } } }).data.user.id, reason: '调离岗位' });
  expect(deactivated.ok).toBe(true);
  await staff.reload();
  await staff.locator('.login__tab').first().waitFor();
  await fillSignIn(staff, '登录', '13700007788', 'diaodu2026');
  await button(staff, '登录').click();
  await visible(staff, '账号已停用，请联系管理员').waitFor();
  await shot(staff, 'signin-05-deactivated');

  // the app ran under the CSP without a violation or a page error, and no URL carried a password or a code
  expect(problems).toEqual([]);
  expect(urls.filter((u) => /qiye2026ok|diaodu2026|admin2026ok|BOOT7788|password|token/i.test(u))).toEqual([]);
});
