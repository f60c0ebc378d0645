/**
 * Demo visits for local mode, made by running the real visit actions at moments in the past, so
 * the visit desk opens with history: scored visits, a joint inspection, an inspection without an
 * approval reference (red), a visit above the 无事不扰 cap, a late registration, one the timer
 * closed, a check-in from far away (red), and two departments' plans for one enterprise waiting to
 * be merged. Every scan carries a location near the enterprise (GCJ-02); two enterprises have a
 * location the admin registered, the others take their first visit's. Skipped when any visit exists.
 */
import { C } from '../collections';
import { createFunctions, functionOf } from '../functions';
import type { Ports } from '../ports';
import { closeStaleVisits } from '../visits/checkin';
import { enterpriseCode } from '../visits/codes';
import { devOpenid } from './demo-district';
import { userRepo } from '../repos/users';
import { enterpriseRepo } from '../repos/enterprises';
import { addDays, beijingDate, beijingInstant, beijingWall } from '../time';

/** Beijing wall time `days` calendar days before `now`, at hh:mm */
function beijingAt(now: Date, days: number, hh: number, mm = 0): Date {
  return beijingInstant(beijingWall(now).subtract(days, 'day').hour(hh).minute(mm).format('YYYY-MM-DD HH:mm'));
}

/** where the demo enterprises are (fictional, GCJ-02); e-001 and e-006 registered by the admin, the others by their first visit */
export const DEMO_PLACES: Record<string, { latitude: number; longitude: number }> = {
  'e-001': { latitude: 30.2810, longitude: 120.1420 },
  'e-002': { latitude: 30.2741, longitude: 120.1551 },
  'e-006': { latitude: 30.2776, longitude: 120.1633 },
  'e-016': { latitude: 30.2903, longitude: 120.1288 },
  'e-021': { latitude: 30.2588, longitude: 120.1375 },
  'e-026': { latitude: 30.2655, longitude: 120.1702 },
};
/** a phone's fix some tens of metres from a place */
const near = (p: { latitude: number; longitude: number }, k: number) => ({ latitude: p.latitude + 0.0002 * k, longitude: p.longitude - 0.0003 * k, accuracy: 15 + 5 * k });

const dateOf = (now: Date, days: number) => addDays(beijingDate(now), days);

export async function seedDemoVisits(ports: Ports, now: Date): Promise<number> {
  if ((await ports.store.collection(C.visits).count({})) > 0) return 0;
  let t = now;
  const fns = createFunctions({ ...ports, clock: { now: () => t } });
  const as = async (userId: string, event: Record<string, unknown>) => {
    const r = await fns[functionOf(event.action)](event, { openid: devOpenid(userId) });
    if (!r.ok) throw new Error(`demo seed: ${String(event.action)} as ${userId}: ${r.code} ${r.message}`);
    return r.data as any;
  };
  const at = (d: Date) => { t = d; };
  // the codes only: their images are made on first view, once the server knows its public address
  const scene = async (contact: string) => {
    const user = await userRepo(ports.store).get(contact);
    return (await enterpriseCode(ports, user!.enterpriseId!, now))._id;
  };
  const visitOf = async (who: string, ev: Record<string, unknown>) => (await as(who, scanned(ev))).visit._id as string;
  // every scan stands near its enterprise, unless the story says otherwise
  const placeOfScene = new Map<string, { latitude: number; longitude: number }>();
  let k = 0;
  const scanned = (ev: Record<string, unknown>) => {
    const place = placeOfScene.get(String(ev.scene ?? ''));
    return place && !('location' in ev) ? { ...ev, location: near(place, (k++ % 3) + 1) } : ev;
  };
  const scanAs = (who: string, ev: Record<string, unknown>) => as(who, scanned(ev));
  // two enterprises the admin located on the map; the others take their first visit's check-in
  const ents = enterpriseRepo(ports.store);
  for (const id of ['e-001', 'e-006']) {
    await ents.update(id, { $set: { location: { ...DEMO_PLACES[id], source: 'admin', setAt: now.toISOString(), setById: 'u-admin', setByName: '系统管理员', visitId: null, visitNo: null } } });
  }

  const xincai = await scene('u-linxiao'); // 东城新材料 (e-002)
  const jingmi = await scene('u-gaopeng'); // 云溪精密机械 (e-001)
  const qingquan = await scene('u-hejun'); // 柳岸清泉饮品 (e-026)
  const yunduan = await scene('u-hanmei'); // 西湖云端数据 (e-016)
  const zhuohua = await scene('u-dengchao'); // 云溪卓越化工 (e-021)
  const hongyuan = await scene('u-songya'); // 东城宏远建筑 (e-006)
  for (const [sc, id] of [[xincai, 'e-002'], [jingmi, 'e-001'], [qingquan, 'e-026'], [yunduan, 'e-016'], [zhuohua, 'e-021'], [hongyuan, 'e-006']] as const) {
    placeOfScene.set(sc, DEMO_PLACES[id]);
  }
  let n = 0;

  // 1. a grid officer's help visit, scored well
  at(beijingAt(now, 12, 9, 40));
  const v1 = await visitOf('u-zhangwei', { action: 'visit.checkin', scene: xincai, purpose: 'help', note: '了解新车间投产后的用工和用电需求' });
  at(beijingAt(now, 12, 11, 5));
  await scanAs('u-zhangwei', { action: 'visit.checkout', scene: xincai, outcome: '了解新车间用工缺口和用电增容需求，当场联系供电所约定现场查看' });
  at(beijingAt(now, 12, 15, 0));
  await as('u-linxiao', { action: 'visit.score', visitId: v1, score: 5, comment: '讲解细致，当场帮我们联系了供电所' });
  n++;

  // 2. a policy briefing at the construction company: checked in 2 km away (red), checked out on site
  at(beijingAt(now, 10, 14, 0));
  const farAway = { latitude: DEMO_PLACES['e-006'].latitude + 0.012, longitude: DEMO_PLACES['e-006'].longitude - 0.015, accuracy: 35 };
  await scanAs('u-lina', { action: 'visit.checkin', scene: hongyuan, purpose: 'policy', note: '宣讲稳岗补贴和技改奖补政策', location: farAway });
  at(beijingAt(now, 10, 15, 10));
  await scanAs('u-lina', { action: 'visit.checkout', scene: hongyuan, outcome: '宣讲稳岗补贴和技改奖补政策，发放申报指南' });
  n++;

  // 3. a joint inspection: 住建 checks in with an approval, 自然资源 joins by scanning
  at(beijingAt(now, 6, 9, 30));
  const v3 = await visitOf('u-fengyu', {
    action: 'visit.checkin', scene: xincai, purpose: 'joint', note: '在建厂房施工安全与用地手续联合检查',
    approvalRef: '云住建检备〔2026〕098号', legalBasis: '《建设工程安全生产管理条例》第四十三条；《土地管理法》第六十七条',
  });
  at(beijingAt(now, 6, 9, 36));
  await scanAs('u-qianjun', { action: 'visit.join', scene: xincai });
  at(beijingAt(now, 6, 11, 20));
  await scanAs('u-qianjun', { action: 'visit.checkout', scene: xincai, outcome: '核查新建厂房用地手续，手续齐全' });
  await scanAs('u-fengyu', { action: 'visit.checkout', scene: xincai, outcome: '检查在建厂房施工安全，发现2处临边防护缺失，已现场整改' });
  at(beijingAt(now, 6, 16, 0));
  await as('u-linxiao', { action: 'visit.score', visitId: v3, score: 4, comment: '一次查完两项，省了不少事' });
  n++;

  // 4. an inspection without an approval reference (red), scored low
  at(beijingAt(now, 4, 14, 30));
  const v4 = await visitOf('u-fengyu', {
    action: 'visit.checkin', scene: jingmi, purpose: 'inspection', note: '消防通道及临时用电检查', legalBasis: '《建筑法》第四十五条',
  });
  at(beijingAt(now, 4, 16, 0));
  await scanAs('u-fengyu', { action: 'visit.checkout', scene: jingmi, outcome: '检查消防通道及临时用电，责令当天整改临时用电线路' });
  at(beijingAt(now, 4, 18, 0));
  await as('u-gaopeng', { action: 'visit.score', visitId: v4, score: 2, comment: '没有提前通知，也没出示备案号' });
  await as('u-gaopeng', { action: 'visit.complain', visitId: v4, text: '检查人员未出示报批备案号，且要求当天完成整改，影响正常生产' });
  n++;

  // 5. three unrequested visits to the drinks company: the third is above the cap, with a reason
  for (const [days, purpose, note] of [[20, 'help', '走访了解生产经营情况'], [14, 'policy', '宣讲食品安全新规']] as const) {
    at(beijingAt(now, days, 10, 0));
    await scanAs('u-huangmin', { action: 'visit.checkin', scene: qingquan, purpose, note });
    at(beijingAt(now, days, 10, 50));
    await scanAs('u-huangmin', { action: 'visit.checkout', scene: qingquan, outcome: `${note}，企业无新的诉求` });
    n++;
  }
  at(beijingAt(now, 3, 10, 0));
  await scanAs('u-huangmin', {
    action: 'visit.checkin', scene: qingquan, purpose: 'help', note: '核实用水压力不足问题', reason: '企业反映的用水问题需现场核实管网压力',
  });
  at(beijingAt(now, 3, 11, 0));
  await scanAs('u-huangmin', { action: 'visit.checkout', scene: qingquan, outcome: '现场测量管网压力偏低，已告知企业向供水公司报修并跟踪' });
  n++;

  // 6. an emergency inspection registered after the fact, before leaving
  at(beijingAt(now, 2, 16, 40));
  await scanAs('u-qianjun', {
    action: 'visit.lateRegister', scene: yunduan, purpose: 'inspection', startedAt: beijingAt(now, 2, 15, 10).toISOString(),
    lateReason: '接群众举报机房外违规堆放废旧电池，须立即核查', approvalRef: '云自然检〔2026〕019号', legalBasis: '《固体废物污染环境防治法》第二十条',
  });
  at(beijingAt(now, 2, 17, 0));
  await scanAs('u-qianjun', { action: 'visit.checkout', scene: yunduan, outcome: '核实机房外违规堆放废旧电池，已责令当日清运' });
  n++;

  // 7. a visit nobody checked out of: the timer closed it
  at(beijingAt(now, 5, 9, 0));
  await scanAs('u-zhaolei', { action: 'visit.checkin', scene: zhuohua, purpose: 'followup', note: '回访排水管网疏通情况' });
  t = beijingAt(now, 5, 18, 0);
  await closeStaleVisits({ ...ports, clock: { now: () => t } }, t);
  n++;

  // 8. two departments plan the same enterprise in the same week: proposed as one joint inspection
  at(now);
  await as('u-qianjun', {
    action: 'plan.create', enterpriseId: 'e-011', items: '扩建项目用地规划条件核查', legalBasis: '《土地管理法》第六十七条',
    approvalRef: '云自然检〔2026〕024号', from: dateOf(now, 3), to: dateOf(now, 7),
  });
  await as('u-fengyu', {
    action: 'plan.create', enterpriseId: 'e-011', items: '新建厂房施工许可及安全检查', legalBasis: '《建设工程安全生产管理条例》第四十三条',
    approvalRef: '云住建检备〔2026〕121号', from: dateOf(now, 5), to: dateOf(now, 9),
  });
  return n;
}
