/**
 * Duplicate requests (issue 15 part 3): which open requests are proposed as one problem, with what
 * reasons, and the floor the method's figures on the labelled set must not fall below.
 */
import { DUP_PAIRS, DUP_REQUESTS, NEAR_MISS_PAIRS } from '../knowledge/fixtures/requests-dup';
import { HOLDOUT_NEAR_MISS_PAIRS, HOLDOUT_PAIRS, HOLDOUT_REQUESTS } from '../knowledge/fixtures/requests-dup-holdout';
import { DUP_HOLDOUT2_PAIRS, DUP_HOLDOUT2_REQUESTS, NEAR_MISS_HOLDOUT2_PAIRS } from '../knowledge/fixtures/requests-dup-holdout2';
import { DUP_HOLDOUT3_PAIRS, DUP_HOLDOUT3_REQUESTS, NEAR_MISS_HOLDOUT3_PAIRS } from '../knowledge/fixtures/requests-dup-holdout3';
import { DUP_HOLDOUT4_PAIRS, DUP_HOLDOUT4_REQUESTS, NEAR_MISS_HOLDOUT4_PAIRS } from '../knowledge/fixtures/requests-dup-holdout4';
import { DUP_HOLDOUT5_PAIRS, DUP_HOLDOUT5_REQUESTS, NEAR_MISS_HOLDOUT5_PAIRS } from '../knowledge/fixtures/requests-dup-holdout5';
import { DUP_HOLDOUT6_PAIRS, DUP_HOLDOUT6_REQUESTS, NEAR_MISS_HOLDOUT6_PAIRS } from '../knowledge/fixtures/requests-dup-holdout6';
import { DUP_HOLDOUT7_PAIRS, DUP_HOLDOUT7_REQUESTS, NEAR_MISS_HOLDOUT7_PAIRS } from '../knowledge/fixtures/requests-dup-holdout7';
import { DUP_HOLDOUT8_PAIRS, DUP_HOLDOUT8_REQUESTS, NEAR_MISS_HOLDOUT8_PAIRS } from '../knowledge/fixtures/requests-dup-holdout8';
import { DUP_HOLDOUT9_PAIRS, DUP_HOLDOUT9_REQUESTS, NEAR_MISS_HOLDOUT9_PAIRS } from '../knowledge/fixtures/requests-dup-holdout9';
import { DUP_HOLDOUT10_PAIRS, DUP_HOLDOUT10_REQUESTS, NEAR_MISS_HOLDOUT10_PAIRS } from '../knowledge/fixtures/requests-dup-holdout10';
import * as H11 from '../knowledge/fixtures/requests-dup-holdout11';
import * as H12 from '../knowledge/fixtures/requests-dup-holdout12';
import * as H13 from '../knowledge/fixtures/requests-dup-holdout13';
import * as H14 from '../knowledge/fixtures/requests-dup-holdout14';
import * as H15 from '../knowledge/fixtures/requests-dup-holdout15';
import * as H16 from '../knowledge/fixtures/requests-dup-holdout16';
import * as H17 from '../knowledge/fixtures/requests-dup-holdout17';
import * as H18 from '../knowledge/fixtures/requests-dup-holdout18';
import * as H19 from '../knowledge/fixtures/requests-dup-holdout19';
import * as H20 from '../knowledge/fixtures/requests-dup-holdout20';
import * as H21 from '../knowledge/fixtures/requests-dup-holdout21';
import * as H22 from '../knowledge/fixtures/requests-dup-holdout22';
import * as H23 from '../knowledge/fixtures/requests-dup-holdout23';
import * as H24 from '../knowledge/fixtures/requests-dup-holdout24';
import * as H25 from '../knowledge/fixtures/requests-dup-holdout25';
import * as H26 from '../knowledge/fixtures/requests-dup-holdout26';
import * as H27 from '../knowledge/fixtures/requests-dup-holdout27';
import * as H28 from '../knowledge/fixtures/requests-dup-holdout28';
import * as H29 from '../knowledge/fixtures/requests-dup-holdout29';
import * as H30 from '../knowledge/fixtures/requests-dup-holdout30';
import * as H31 from '../knowledge/fixtures/requests-dup-holdout31';
import * as H32 from '../knowledge/fixtures/requests-dup-holdout32';
import * as H33 from '../knowledge/fixtures/requests-dup-holdout33';
import * as H34 from '../knowledge/fixtures/requests-dup-holdout34';
import * as H35 from '../knowledge/fixtures/requests-dup-holdout35';
import * as H36 from '../knowledge/fixtures/requests-dup-holdout36';
import * as H37 from '../knowledge/fixtures/requests-dup-holdout37';
import * as H38 from '../knowledge/fixtures/requests-dup-holdout38';
import * as H39 from '../knowledge/fixtures/requests-dup-holdout39';
import * as H40 from '../knowledge/fixtures/requests-dup-holdout40';
import * as H41 from '../knowledge/fixtures/requests-dup-holdout41';
import * as H42 from '../knowledge/fixtures/requests-dup-holdout42';
import * as H43 from '../knowledge/fixtures/requests-dup-holdout43';
import * as H44 from '../knowledge/fixtures/requests-dup-holdout44';
import * as H45 from '../knowledge/fixtures/requests-dup-holdout45';
import * as H46 from '../knowledge/fixtures/requests-dup-holdout46';
import * as H47 from '../knowledge/fixtures/requests-dup-holdout47';
import * as H48 from '../knowledge/fixtures/requests-dup-holdout48';
import * as H49 from '../knowledge/fixtures/requests-dup-holdout49';
import * as H50 from '../knowledge/fixtures/requests-dup-holdout50';
import * as H51 from '../knowledge/fixtures/requests-dup-holdout51';
import * as H52 from '../knowledge/fixtures/requests-dup-holdout52';
import * as H53 from '../knowledge/fixtures/requests-dup-holdout53';
import * as H54 from '../knowledge/fixtures/requests-dup-holdout54';
import * as H55 from '../knowledge/fixtures/requests-dup-holdout55';
import * as H56 from '../knowledge/fixtures/requests-dup-holdout56';
import * as H57 from '../knowledge/fixtures/requests-dup-holdout57';
import * as H58 from '../knowledge/fixtures/requests-dup-holdout58';
import * as H59 from '../knowledge/fixtures/requests-dup-holdout59';
import * as H60 from '../knowledge/fixtures/requests-dup-holdout60';
import * as H61 from '../knowledge/fixtures/requests-dup-holdout61';
import * as H62 from '../knowledge/fixtures/requests-dup-holdout62';
import * as H63 from '../knowledge/fixtures/requests-dup-holdout63';
import * as H64 from '../knowledge/fixtures/requests-dup-holdout64';
import * as H65 from '../knowledge/fixtures/requests-dup-holdout65';
import * as H66 from '../knowledge/fixtures/requests-dup-holdout66';
import * as H67 from '../knowledge/fixtures/requests-dup-holdout67';
import * as H68 from '../knowledge/fixtures/requests-dup-holdout68';
import * as H69 from '../knowledge/fixtures/requests-dup-holdout69';
import * as H70 from '../knowledge/fixtures/requests-dup-holdout70';
import * as H71 from '../knowledge/fixtures/requests-dup-holdout71';
import * as H72 from '../knowledge/fixtures/requests-dup-holdout72';
import * as H73 from '../knowledge/fixtures/requests-dup-holdout73';
import * as H74 from '../knowledge/fixtures/requests-dup-holdout74';
import * as H75 from '../knowledge/fixtures/requests-dup-holdout75';
import * as H76 from '../knowledge/fixtures/requests-dup-holdout76';
import * as H77 from '../knowledge/fixtures/requests-dup-holdout77';
import * as H78 from '../knowledge/fixtures/requests-dup-holdout78';
import * as H79 from '../knowledge/fixtures/requests-dup-holdout79';
import { CATEGORY_CODES } from '../contract/catalog';
import { duplicateFigures } from '../knowledge/evaluate';
import { duplicateClusters, duplicateLinks, dupNormalize, placeWords, MAX_CLUSTER } from './duplicates';
import { pairOf, req, T0 } from '../../tests/support/dup-candidates';

const DAY = 86_400_000;

test('two enterprises reporting the same broken road in other words are linked, with reasons a dispatcher can read', () => {
  const a = req('e-001', 'g-dc1', '厂门口东城路被大车压坏了，坑坑洼洼的，发货车底盘都刮了');
  const b = req('e-003', 'g-dc1', '东城路北段路面破损严重，到处是坑，物流车进出很危险，请尽快维修');
  const links = duplicateLinks([a, b]);
  expect(links).toHaveLength(1);
  const l = links[0];
  expect([l.a, l.b]).toEqual([a.id, b.id]);
  expect(l.score).toBeGreaterThan(0.2);
  expect(l.reasons).toContain('同一网格');
  expect(l.reasons).toContain('同类问题：路面破损');
  expect(l.reasons.find((r) => r.startsWith('描述相近：'))).toContain('东城路');
});

test('the same enterprise asking again is a duplicate only when asked for (the submit page asks, the dispatcher does not)', () => {
  const a = req('e-004', 'g-dc1', '我们的食品生产许可证明年3月到期，延续申请交了一个月没人来现场核查', { category: 'shichang' });
  const b = req('e-004', 'g-dc1', '上次反映的许可证延续的事还没消息，现场核查能不能尽快安排，到期就得停产', { category: 'shichang' });
  expect(duplicateLinks([a, b])).toEqual([]);
  const links = duplicateLinks([a, b], { sameEnterprise: true });
  expect(links).toHaveLength(1);
  expect(links[0].reasons).toContain('同一企业');
  // two enterprises' own licences are two cases, however alike the words
  const c = req('e-005', 'g-dc1', '我们的食品生产许可证也快到期了，延续申请交了没人来现场核查', { category: 'shichang' });
  expect(pairOf(duplicateLinks([a, c]), a, c)).toBeUndefined();
});

test('near misses are not linked: an electricity bill is not an outage, another road is not this road', () => {
  const outage = req('e-001', 'g-dc1', '这周东城路这边突然停电两次，没有任何通知，机床加工到一半的件全报废了', { category: 'dianli' });
  const bill = req('e-002', 'g-dc1', '这个月电费比平时多了三万多，产量没变化，怀疑电表有问题，请供电公司来校验', { category: 'dianli' });
  const trip = req('e-005', 'g-dc1', '最近老是跳闸断电，一周两三次，东城路一带的厂都这样，请供电部门查查线路', { category: 'dianli' });
  const links = duplicateLinks([outage, bill, trip]);
  expect(pairOf(links, outage, bill)).toBeUndefined();
  expect(pairOf(links, bill, trip)).toBeUndefined();
  // 跳闸, 断电 and 停电 are one kind of problem
  expect(pairOf(links, outage, trip)?.reasons).toContain('同类问题：停电');

  const dc = req('e-001', 'g-dc1', '东城路北段的路灯坏了好几盏，晚上一片漆黑，员工下班不安全');
  const xh = req('e-016', 'g-xh1', '西湖路北段的路灯坏了好几盏，晚上一片漆黑，员工下班不安全');
  const other = req('e-002', 'g-dc1', '经五路北段的路灯坏了好几盏，晚上一片漆黑，员工下班不安全');
  const l2 = duplicateLinks([dc, xh, other]);
  expect(pairOf(l2, dc, xh)).toBeUndefined();
  expect(pairOf(l2, dc, other)).toBeUndefined();
});

test('requests far apart are not compared: other communities, and a shared department without a shared place', () => {
  const text = '门口的路灯一直不亮，晚上黑灯瞎火的，女员工下班害怕，希望尽快修';
  const dc1 = req('e-001', 'g-dc1', text, { deptId: 'dep-cg' });
  const la1 = req('e-026', 'g-la1', text, { deptId: 'dep-cg' });
  expect(duplicateLinks([dc1, la1])).toEqual([]);
  // two grids of one community are near enough
  const dc2 = req('e-007', 'g-dc2', text);
  expect(duplicateLinks([dc1, dc2])[0]?.reasons).toContain('同一社区');
  // a department spans the district: the same named road ties two requests there, the same words do not
  const a = req('e-001', null, '东城路北段路灯不亮，晚上很危险', { communityId: null, deptId: 'dep-cg' });
  const b = req('e-026', null, '东城路北头路灯坏了好几盏，黑乎乎的', { communityId: null, deptId: 'dep-cg' });
  const c = req('e-027', null, '路灯坏了好几盏，晚上黑乎乎的很危险', { communityId: null, deptId: 'dep-cg' });
  const links = duplicateLinks([a, b, c]);
  expect(pairOf(links, a, b)?.reasons[0]).toBe('同一部门');
  expect(pairOf(links, a, c)).toBeUndefined();
});

test('an event is one event only within days: two outages ten days apart are two, the same day one', () => {
  const a = req('e-016', 'g-xh1', '西湖路这边下午突然停电4个小时，服务器全宕了，没收到任何通知', { category: 'dianli' });
  const b = req('e-017', 'g-xh1', '下午西湖路停电，搅拌站停了4个钟头，供电所电话打不通', { category: 'dianli', createdAt: a.createdAt + 3 * 3600_000 });
  const c = req('e-019', 'g-xh1', '西湖路今天下午又停电了4个小时，还是没有通知', { category: 'dianli', createdAt: a.createdAt + 10 * DAY });
  const links = duplicateLinks([a, b, c]);
  expect(pairOf(links, a, b)).toBeDefined();
  expect(pairOf(links, a, c)).toBeUndefined();
  expect(pairOf(links, b, c)).toBeUndefined();
});

test('the responsibility item counts: the same item for, two different items against', () => {
  const a = req('e-006', 'g-dc2', '园区南门口垃圾站满了没人清运，味道很大', { category: 'huanjing', itemId: 'it-garbage' });
  const b = req('e-009', 'g-dc2', '南门那个垃圾点好久没人清了，都堆到路上了', { category: 'huanjing', itemId: 'it-garbage' });
  const same = pairOf(duplicateLinks([a, b]), a, b);
  expect(same?.reasons).toContain('同一事项');
  const c = { ...b, itemId: 'it-burning' };
  expect(pairOf(duplicateLinks([a, c]), a, c)?.score ?? 0).toBeLessThan(same!.score);
});

test('clusters: one group per problem, at most 12 requests, the oldest first, the largest first', () => {
  const road = Array.from({ length: 15 }, (_, i) =>
    req(`e-${100 + i}`, 'g-la1', `柳岸路在铺管道施工，围挡把厂门口堵了${i % 2 ? '一半' : '大半'}，货车进不来，已经一个多月了`, { createdAt: T0 + (15 - i) * DAY }));
  const lights = [req('e-200', 'g-la1', '柳岸路北段路灯全灭了，晚上一片漆黑'), req('e-201', 'g-la1', '柳岸路北头的路灯不亮好几天了，晚上黑灯瞎火')];
  const lone = req('e-202', 'g-la1', '想问下稳岗返还今年什么时候发', { category: 'zhengce' });
  const clusters = duplicateClusters([...lights, lone, ...road]);
  expect(clusters.map((c) => c.ids.length)).toEqual([MAX_CLUSTER, 3, 2]);
  const [big, rest, lamps] = clusters;
  // every request of the road works is in one of the two groups, none in two
  expect(new Set([...big.ids, ...rest.ids]).size).toBe(15);
  expect([...big.ids, ...rest.ids].every((id) => road.some((r) => r.id === id))).toBe(true);
  const when = new Map(road.map((r) => [r.id, r.createdAt]));
  expect(big.ids.map((id) => when.get(id))).toEqual([...big.ids.map((id) => when.get(id)!)].sort((x, y) => x - y));
  expect(lamps.ids.sort()).toEqual(lights.map((r) => r.id).sort());
  expect(lamps.reasons).toContain('同一网格');
  for (const l of big.links) expect(big.ids).toEqual(expect.arrayContaining([l.a, l.b]));
  expect(clusters.flatMap((c) => c.ids)).not.toContain(lone.id);
});

test('a problem the lexicon has no kind for: two enterprises of one grid and one category whose words overlap more than unrelated requests do are linked on the text', () => {
  const a = req('e-001', 'g-dc1', '园区北门的电动伸缩门坏了一个星期，遥控按了不动，车只能排队等保安手动推开，早上排到外面马路上', { category: 'other' });
  const b = req('e-002', 'g-dc1', '北门伸缩门遥控又按了不动了，保安手动推开一辆放一辆，车排老长，能不能叫物业修一下', { category: 'other' });
  // the same words, but filed under another category with no named place in common, or a grid away
  const c = req('e-003', 'g-dc1', '北门伸缩门遥控按了不动，保安手动推开一辆放一辆', { category: 'jiaotong' });
  const d = req('e-007', 'g-dc2', '园区北门的电动伸缩门坏了一个星期，遥控按了不动，车只能排队等保安手动推开', { category: 'other' });
  const rest = [
    req('e-004', 'g-dc1', '想咨询一下出口退税的流程，需要准备哪些材料', { category: 'nashui' }),
    req('e-005', 'g-dc1', '我们想招二十个普工，能不能帮忙发布一下招聘信息', { category: 'yonggong' }),
  ];
  const links = duplicateLinks([a, b, c, d, ...rest]);
  const ab = pairOf(links, a, b);
  expect(ab?.reasons).toEqual(expect.arrayContaining(['同一网格', '同一类别']));
  expect(ab?.reasons.find((r) => r.startsWith('描述相近：'))).toContain('伸缩门');
  expect(ab?.reasons.some((r) => r.startsWith('同类问题'))).toBe(false);
  expect(pairOf(links, a, c)).toBeUndefined();
  expect(pairOf(links, a, d)).toBeUndefined();
  expect(links).toHaveLength(1);
});

test('one utility, two scopes: low gas pressure is everyone\'s on the main, a gas connection is the enterprise\'s own', () => {
  const p1 = req('e-011', 'g-cy1', '园区的天然气这两天压力不够，锅炉点不着火，生产停了两天了', { category: 'shuiqi' });
  const p2 = req('e-013', 'g-cy1', '这两天燃气压力低，热处理炉温度上不去，请燃气公司来看看管道', { category: 'shuiqi' });
  const connect = req('e-015', 'g-cy1', '我们想新开通天然气替换燃煤锅炉，报装需要多长时间，燃气公司要什么材料', { category: 'shuiqi' });
  const links = duplicateLinks([p1, p2, connect]);
  expect(pairOf(links, p1, p2)?.reasons).toContain('同类问题：燃气压力、燃气');
  expect(pairOf(links, p1, connect)).toBeUndefined();
  expect(pairOf(links, p2, connect)).toBeUndefined();
});

test('a subsidy late for everyone ties two enterprises only when both name the same programme', () => {
  const s1 = req('e-007', 'g-dc2', '我们去年的节能改造项目，区里的专项资金到现在都没拨，公示都过去半年了', { category: 'zhengce' });
  const s2 = req('e-009', 'g-dc2', '去年做了锅炉节能改造，区里说有补助，公示名单上也有我们，钱一直没到', { category: 'zhengce' });
  const unnamed = req('e-010', 'g-dc2', '听说今年有奖补，区里说有补助，公示名单不知道怎么看，钱什么时候能到', { category: 'zhengce' });
  const links = duplicateLinks([s1, s2, unnamed]);
  expect(pairOf(links, s1, s2)?.reasons.find((r) => r.startsWith('描述相近：'))).toContain('节能');
  expect(pairOf(links, s1, unnamed)).toBeUndefined();
  expect(pairOf(links, s2, unnamed)).toBeUndefined();
});

test('one kind of thing with two different faults is two problems: a street light out is not one knocked askew, a barrier knocked down is not one too low', () => {
  const dark = req('e-001', 'g-dc1', '东城路南段的路灯不亮快一个月了，晚上黑咕隆咚的，看仓库的师傅巡逻都得打手电');
  const dark2 = req('e-002', 'g-dc1', '东城路南段路灯坏了，晚上一片漆黑，员工下夜班不敢走');
  const askew = req('e-003', 'g-dc1', '东城路南段有根路灯杆让车撞歪了，斜着快倒了，底下就是人行道');
  const links = duplicateLinks([dark, dark2, askew]);
  expect(pairOf(links, dark, dark2)?.reasons).toContain('同类问题：路灯不亮');
  expect(pairOf(links, dark, askew)).toBeUndefined();
  expect(pairOf(links, dark2, askew)).toBeUndefined();

  const hit = req('e-016', 'g-xh1', '西湖路东口的限高杆被大车撞歪了，横梁耷拉下来一半，太吓人了');
  const hit2 = req('e-017', 'g-xh1', '西湖路口的限高架撞坏了，铁杆子斜着悬在路中间');
  const low = req('e-018', 'g-xh1', '西湖路限高2.5米太低了，我们拉建材的货车进不来，能不能调高点');
  const l2 = duplicateLinks([hit, hit2, low]);
  expect(pairOf(l2, hit, hit2)).toBeDefined();
  expect(pairOf(l2, hit, low)).toBeUndefined();
  expect(pairOf(l2, hit2, low)).toBeUndefined();
  // a report that names neither fault still joins either
  const bare = req('e-019', 'g-xh1', '西湖路那个限高杆谁管，出事了谁负责');
  expect(pairOf(duplicateLinks([hit, bare]), hit, bare)).toBeDefined();
});

test('a planned outage is not the lines that keep tripping; a night site is not a neighbour\'s cooling tower', () => {
  const planned = req('e-026', 'g-la1', '收到计划停电通知，说下周二柳岸路检修停电一整天，我们冷库受不了，能不能改到晚上', { category: 'dianli' });
  const tripping = req('e-027', 'g-la1', '这礼拜柳岸路这片已经停了四回电了，印刷机一停纸就卡住，供电所说是线路老化', { category: 'dianli' });
  const tripping2 = req('e-028', 'g-la1', '频繁停电，生产线上的设备停停开开，请电力部门尽快排查线路', { category: 'dianli' });
  const links = duplicateLinks([planned, tripping, tripping2]);
  // 停了四回电 is an outage, however it is counted
  expect(pairOf(links, tripping, tripping2)?.reasons).toContain('同类问题：停电');
  expect(pairOf(links, planned, tripping)).toBeUndefined();
  expect(pairOf(links, planned, tripping2)).toBeUndefined();

  const site = req('e-001', 'g-dc1', '对面工地天天晚上打桩打到一两点，咣咣的，员工宿舍根本睡不着', { category: 'huanjing' });
  const site2 = req('e-002', 'g-dc1', '半夜还轰隆隆的，隔壁那块地盖楼的，吵死了，倒班工人睡不了觉', { category: 'huanjing' });
  const tower = req('e-003', 'g-dc1', '仓库旁边那家厂新装了个冷却塔，风机噪音很大，白天晚上都嗡嗡的响', { category: 'huanjing' });
  const l2 = duplicateLinks([site, site2, tower]);
  expect(pairOf(l2, site, site2)?.reasons).toContain('同类问题：噪音扰民');
  expect(pairOf(l2, site, tower)).toBeUndefined();
  expect(pairOf(l2, site2, tower)).toBeUndefined();
});

test('this year\'s subsidy is not last year\'s; a year a building was put up says nothing about which year a policy is', () => {
  const now = req('e-007', 'g-dc2', '今年的稳岗返还到现在还没到账，往年7月份就返了', { category: 'zhengce' });
  const now2 = req('e-006', 'g-dc2', '稳岗返还资金什么时候发放？系统显示审核通过但一直没有打款', { category: 'zhengce' });
  const last = req('e-008', 'g-dc2', '去年的稳岗返还我们只收到一半，按文件应该返60%，想问问是怎么核算的', { category: 'zhengce' });
  const links = duplicateLinks([now, now2, last]);
  expect(pairOf(links, now, now2)).toBeDefined();
  expect(pairOf(links, now, last)).toBeUndefined();
  // not paid and paid short are two problems even without a year
  expect(pairOf(links, now2, last)).toBeUndefined();
  // last year as the yardstick of this year's wait (去年这时候早到了) is no year the request is about
  const yardstick = req('e-010', 'g-dc2', '稳岗补贴什么时候发啊，社保局电话一直占线，去年这时候早到了', { category: 'zhengce' });
  expect(pairOf(duplicateLinks([now, yardstick]), now, yardstick)).toBeDefined();
  // but last year's own subsidy, applied for at this time last year, is last year's
  const lastYears = req('e-011', 'g-dc2', '去年这个时候申请的稳岗返还到现在还没到账', { category: 'zhengce' });
  expect(pairOf(duplicateLinks([now, lastYears]), now, lastYears)).toBeUndefined();

  const built = req('e-009', 'g-dc2', '我们厂房是2008年建的，当时手续不全，一直没办下来房产证，想问历史遗留的能不能补办', { category: 'caichan' });
  const policy = req('e-009', 'g-dc2', '上次说的老厂房办不了不动产证的事，去年说有历史遗留问题处置政策，能不能给我们也走一下', { category: 'caichan' });
  expect(pairOf(duplicateLinks([built, policy], { sameEnterprise: true }), built, policy)).toBeDefined();
});

test('works on a road are the setting, not the problem: the works\' night noise and the fibre the works cut are two problems', () => {
  const noise = req('e-001', 'g-dc1', '东城路南头那个工地夜间施工扰民，已经连续十几天了', { category: 'huanjing' });
  const fibre = req('e-005', 'g-dc1', '东城路铺管道的施工队把光缆挖断了，公司从昨天下午一直断网', { category: 'other' });
  const fibre2 = req('e-003', 'g-dc1', '宽带从周二起就没信号，运营商说是光纤让市政施工挖断了', { category: 'other' });
  const links = duplicateLinks([noise, fibre, fibre2]);
  // the problem is named first, the setting after it
  expect(pairOf(links, fibre, fibre2)?.reasons).toContain('同类问题：通信网络、施工占道');
  expect(pairOf(links, noise, fibre)).toBeUndefined();
  expect(pairOf(links, noise, fibre2)).toBeUndefined();
});

test('one enterprise\'s two cases of one kind are two cases unless it says it asks again or writes much the same', () => {
  const roof = req('e-051', 'g-xh2', '我们屋顶装了1.2兆瓦的分布式光伏，并网申请交给供电公司一直没来验收', { category: 'dianli' });
  const other = req('e-051', 'g-xh2', '厂里另一个车间的光伏早就并网了，可是余电上网的电费三个月没给我们结算', { category: 'dianli' });
  const again = req('e-051', 'g-xh2', '光伏并网的事能不能帮忙催一下，设备都调试完了，就等电力公司来装表验收', { category: 'dianli' });
  const links = duplicateLinks([roof, other, again], { sameEnterprise: true });
  expect(pairOf(links, roof, again)?.reasons).toContain('同一企业');
  expect(pairOf(links, roof, other)).toBeUndefined();
  expect(pairOf(links, other, again)).toBeUndefined();

  const debtA = req('e-052', 'g-xh2', '街道办去年办公楼装修的工程款还欠我们87万，结算审计早就做完了', { category: 'tuoqian' });
  const debtB = req('e-052', 'g-xh2', '城投公司的道路工程进度款拖了半年没付，合同约定按月支付', { category: 'tuoqian' });
  expect(pairOf(duplicateLinks([debtA, debtB], { sameEnterprise: true }), debtA, debtB)).toBeUndefined();
});

test('an enterprise\'s own kind of case is many enterprises\' where each says all have it: a park\'s water bills doubled', () => {
  const a = req('e-026', 'g-la1', '这个月水费单子比上个月多了一倍还多，用水量根本没变化，问了园区其他几家也都翻倍了，是不是水表有问题', { category: 'shuiqi' });
  const b = req('e-027', 'g-la1', '水费暴涨，上个月1800这个月4300，印刷厂用水又不多，整个柳岸产业园都这样', { category: 'shuiqi' });
  const alone = req('e-028', 'g-la1', '我们厂这个月水费比上个月多了一倍，用水量没变，是不是水表坏了', { category: 'shuiqi' });
  const links = duplicateLinks([a, b, alone]);
  expect(pairOf(links, a, b)?.reasons).toContain('同类问题：水费');
  // one enterprise's own bill is its own case
  expect(pairOf(links, a, alone)).toBeUndefined();
  expect(pairOf(links, b, alone)).toBeUndefined();
});

test('one enterprise says when it is another matter, names another licence, or asks about its own case beside a public problem: two cases', () => {
  const debt = req('e-027', 'g-la1', '绿化工程那个尾款的事，上次反映过，街道到现在还是说等资金，能不能给个具体时间', { category: 'tuoqian' });
  const debt2 = req('e-027', 'g-la1', '还有一家房地产公司，柳岸名邸的景观工程欠我们58万，开发商资金链断了，这种能不能申请法律援助', { category: 'tuoqian' });
  expect(pairOf(duplicateLinks([debt, debt2], { sameEnterprise: true }), debt, debt2)).toBeUndefined();

  const safety = req('e-013', 'g-cy1', '我们的安全生产许可证明年1月到期，延期申请提交两个月了，请帮忙催一下', { category: 'shichang' });
  const safety2 = req('e-013', 'g-cy1', '安全生产许可证延期的事再问一下，专家现场检查要排队，能不能加急', { category: 'zhengwu' });
  const permit = req('e-013', 'g-cy1', '排污许可证要变更，新增了一条生产线，是重新申请还是变更就行', { category: 'huanjing' });
  const links = duplicateLinks([safety, safety2, permit], { sameEnterprise: true });
  expect(pairOf(links, safety, safety2)).toBeDefined();
  expect(pairOf(links, safety, permit)).toBeUndefined();
  expect(pairOf(links, safety2, permit)).toBeUndefined();

  const smell = req('e-014', 'g-cy1', '朝阳路上那个垃圾中转站最近臭得不行，我们培训学校就在旁边，家长接孩子都捂着鼻子', { category: 'huanjing' });
  const licence = req('e-014', 'g-cy1', '上回问的培训学校办学许可，教育局又说场地面积不够要300平，能不能通融下', { category: 'kaiban' });
  expect(pairOf(duplicateLinks([smell, licence], { sameEnterprise: true }), smell, licence)).toBeUndefined();
});

test('works tie nothing where one of the two names a problem besides them: a trench left open is not a sinking road', () => {
  const trench = req('e-026', 'g-la1', '柳岸路燃气管道施工，路挖开一个多月了也不回填，仓库门口就是一条沟，货车进不来', { category: 'jiaotong' });
  const trench2 = req('e-027', 'g-la1', '柳岸路那条沟什么时候填啊，挖开了不填，晚上也没警示灯，员工骑车掉进去了', { category: 'jiaotong' });
  const sinking = req('e-028', 'g-la1', '柳岸路27号门口那段路面下沉，前年挖开铺过管子，重车一过就往下陷，担心哪天塌了', { category: 'jiaotong' });
  const links = duplicateLinks([trench, trench2, sinking]);
  expect(pairOf(links, trench, trench2)?.reasons).toContain('同类问题：施工占道');
  expect(pairOf(links, trench, sinking)).toBeUndefined();
  expect(pairOf(links, trench2, sinking)).toBeUndefined();
});

test('problems beyond roads and pipes: a dead traffic camera, a park\'s fee raised (not its invoice late), one enterprise asking again in its own words', () => {
  const cam = req('e-003', 'g-dc1', '东城路跟经三路那个路口的电子眼坏了快俩礼拜了，现在大货车红灯直接冲', { category: 'jiaotong' });
  const cam2 = req('e-005', 'g-dc1', '反映个安全隐患 我们厂往北一百来米那个十字路口 杆子上的监控探头耷拉下来了 晚上车开的飞快', { category: 'other' });
  expect(pairOf(duplicateLinks([cam, cam2]), cam, cam2)?.reasons).toContain('同类问题：电子眼');

  const fee = req('e-011', 'g-cy1', '朝阳工业园物业发通知说下月起物业费从每平1块5涨到2块8，快翻倍了', { category: 'other' });
  const fee2 = req('e-012', 'g-cy1', '物业费要涨到2.8？我们就租了三百平的办公室也得跟着涨，物业说统一标准', { category: 'other' });
  const invoice = req('e-013', 'g-cy1', '交了一年物业费了，物业的发票一直没开给我们，财务没法入账', { category: 'other' });
  const links = duplicateLinks([fee, fee2, invoice]);
  expect(pairOf(links, fee, fee2)?.reasons).toContain('同类问题：物业费');
  expect(pairOf(links, fee, invoice)).toBeUndefined();
  expect(pairOf(links, fee2, invoice)).toBeUndefined();

  const bond = req('e-006', 'g-dc2', '我们公司交的农民工工资保证金，项目去年年底就竣工了，按规定可以申请返还，材料交给住建局三个月了还没退', { category: 'laodong' });
  const again = req('e-006', 'g-dc2', '再问下工资保证金退还，住建说人社在审，人社说住建没推过来，两边踢皮球', { category: 'tuoqian' });
  expect(pairOf(duplicateLinks([bond, again], { sameEnterprise: true }), bond, again)?.reasons).toContain('同一企业');
});

test('a new rule on the roads is everyone\'s, a canteen closing is not its prices, and a fault is read as written, not as the lexicon rewrites it', () => {
  const ban = req('e-003', 'g-dc1', '这个月开始东城路早7点到9点不让货车走了？我们是物流公司，早上装货出车正好这个点', { category: 'jiaotong' });
  const ban2 = req('e-004', 'g-dc1', '限货车的新规定我们冷链车也不让过，早上七点多给超市送货被拍了两张罚单', { category: 'jiaotong' });
  const ban3 = req('e-005', 'g-dc1', '咨询：东城路高峰禁货是临时的还是长期的？下个月有一批设备要发', { category: 'other' });
  const links = duplicateLinks([ban, ban2, ban3]);
  for (const [a, b] of [[ban, ban2], [ban, ban3], [ban2, ban3]]) expect(pairOf(links, a, b)?.reasons).toContain('同类问题：货车限行');

  const closing = req('e-011', 'g-cy1', '听说园区食堂月底不干了？我们厂一百多号人中午都在那吃，关了以后去哪吃', { category: 'other' });
  const closing2 = req('e-012', 'g-cy1', '朝阳路那个公共食堂贴了通知12月1号停止营业，我们公司没有自己的食堂', { category: 'other' });
  const prices = req('e-013', 'g-cy1', '园区食堂饭菜涨价了，一份套餐从12块涨到16，量还少了', { category: 'other' });
  const l2 = duplicateLinks([closing, closing2, prices]);
  expect(pairOf(l2, closing, closing2)?.reasons).toContain('同类问题：园区食堂');
  expect(pairOf(l2, closing, prices)).toBeUndefined();
  expect(pairOf(l2, closing2, prices)).toBeUndefined();

  // 拉走 is rewritten 清运 for the text's pairs, but a factory's kitchen waste taken away is not bins left full
  const waste = req('e-016', 'g-xh1', '我们厂的餐厨废料以前是一家公司拉走处理，现在他们说要涨价一倍，有没有指定的处理单位', { category: 'huanjing' });
  const bins = req('e-017', 'g-xh1', '我们这一排厂子门口的垃圾桶已经五六天没人来收了，满得往外冒，环卫是不是换公司了', { category: 'huanjing' });
  expect(pairOf(duplicateLinks([waste, bins]), waste, bins)).toBeUndefined();
});

test('one kind, told apart by what is wrong: a cut fibre is not a weak phone signal, a fire\'s smoke is not a site\'s dust, a median that stops left turns is not cars driving fast', () => {
  const cut = req('e-016', 'g-xh1', '今天上午9点多开始西湖路这一段的宽带和专线全断了，运营商说是修路的挖掘机把光缆挖断了', { category: 'other' });
  const cut2 = req('e-017', 'g-xh1', '网店的订单今天一单都发不出去，电脑上不了网，问了几家邻居都没网，说是施工队挖断了光纤', { category: 'zhengwu' });
  const signal = req('e-018', 'g-xh1', '我们在西湖路20号三楼，手机信号特别差，4G经常只有一格，能不能协调运营商在这边加个基站', { category: 'other' });
  const l1 = duplicateLinks([cut, cut2, signal]);
  expect(pairOf(l1, cut, cut2)?.reasons.find((r) => r.startsWith('同类问题'))).toContain('通信网络');
  expect(pairOf(l1, cut, signal)).toBeUndefined();
  expect(pairOf(l1, cut2, signal)).toBeUndefined();

  const fire = req('e-001', 'g-dc1', '我们厂后面有个废品收购站，晚上10点多以后经常烧东西，像是在烧电线皮，黑烟，味道很呛', { category: 'huanjing' });
  const fire2 = req('e-002', 'g-dc1', '东城路7号后墙外那个收破烂的院子连续几个晚上在露天焚烧，烟里有股塑料烧焦的臭味', { category: 'huanjing' });
  const dust = req('e-003', 'g-dc1', '我们在东城路边上的一个工地，上周扬尘在线监测数值超标被通报了，能不能重新核一下', { category: 'huanjing' });
  const l2 = duplicateLinks([fire, fire2, dust]);
  expect(pairOf(l2, fire, fire2)?.reasons).toContain('同类问题：废气异味');
  expect(pairOf(l2, fire, dust)).toBeUndefined();
  expect(pairOf(l2, fire2, dust)).toBeUndefined();

  const median = req('e-026', 'g-la1', '柳岸路中间新装了隔离护栏，我们的货车从仓库出来不能左转了，要往前开3公里才能掉头', { category: 'jiaotong' });
  const median2 = req('e-027', 'g-la1', '送货的车出门只能右拐，马路中间装了铁栏杆，能不能在中间开个口', { category: 'jiaotong' });
  const fast = req('e-028', 'g-la1', '柳岸路26号大门口的车开的特别快，出门左转经常差点撞上，能不能装个减速带', { category: 'jiaotong' });
  const l3 = duplicateLinks([median, median2, fast]);
  expect(pairOf(l3, median, median2)?.reasons).toContain('同类问题：道路设施损坏');
  expect(pairOf(l3, median, fast)).toBeUndefined();
  expect(pairOf(l3, median2, fast)).toBeUndefined();
});

test('a planned outage however it is put (连停3天电, 停电改造三天), and one enterprise\'s two kinds of its own case are two cases', () => {
  const plan = req('e-026', 'g-la1', '收到供电公司通知，柳岸线12月8号到10号要停电改造三天，我们月底要交一批开关柜', { category: 'dianli' });
  const plan2 = req('e-027', 'g-la1', '听说下个礼拜柳岸路要连停3天电，我们印刷厂年底的活正在赶，能不能缩短时间', { category: 'dianli' });
  expect(dupNormalize('要连停3天电')).toContain('停电');
  expect(pairOf(duplicateLinks([plan, plan2]), plan, plan2)?.reasons).toContain('同类问题：停电');

  const flat = req('e-021', 'g-xh2', '创想软件，我们新招的十几个程序员都是外地的，租房很贵，听说区里有人才公寓，我们企业怎么申请', { category: 'yonggong' });
  const hukou = req('e-021', 'g-xh2', '创想软件新招的程序员有一个硕士，要把户口落在区里，人才落户我们企业怎么申请，能不能落在公司集体户', { category: 'yonggong' });
  // among a grid's other requests, which make its name and 新招 rare words, so the two read alike
  const others = ['想咨询一下出口退税的流程，需要准备哪些材料', '我们想招二十个普工，能不能帮忙发布一下招聘信息', '厂门口的路灯坏了好几天了', '增值税专票开错了怎么作废重开', '公司想申请高企认定，需要什么条件'].map((t, i) => req(`e-02${i + 2}`, 'g-xh2', t, { category: 'other' }));
  const links = duplicateLinks([flat, hukou, ...others], { sameEnterprise: true });
  expect(pairOf(links, flat, hukou)).toBeUndefined();
});

test('asides do not split a problem: two reports of one full bin station, one with flies and one with rats, are one problem; a hoarding is the works\' own footprint', () => {
  const flies = req('e-007', 'g-dc2', '园区南门口的垃圾站满了一个多礼拜没人清运，天热味道很大，苍蝇乱飞', { category: 'huanjing' });
  const rats = req('e-010', 'g-dc2', '园区南门垃圾站满了溢出来，下雨后臭水流到我们仓库门口，粮食怕招老鼠，请尽快清运', { category: 'huanjing' });
  expect(pairOf(duplicateLinks([flies, rats]), flies, rats)?.reasons.find((r) => r.startsWith('同类问题'))).toContain('垃圾清运');
  // but rats in the street and cockroaches in one building's stairwell are two problems
  const street = req('e-016', 'g-xh1', '办公室晚上有老鼠，听说整条街都有，是不是该统一治一治', { category: 'other' });
  const roaches = req('e-017', 'g-xh1', '楼道里蟑螂特别多，公共区域的消杀到底谁负责', { category: 'huanjing' });
  expect(pairOf(duplicateLinks([street, roaches]), street, roaches)).toBeUndefined();

  const fence = req('e-026', 'g-la1', '柳岸路在铺管道，施工围挡把我们厂门口堵了一半，送水的货车进不来也出不去，已经一个多月了', { category: 'jiaotong' });
  const dug = req('e-027', 'g-la1', '柳岸路修管网把路挖断了，我们仓库的挂车只能绕好几公里，能不能先留一个通道', { category: 'jiaotong' });
  expect(pairOf(duplicateLinks([fence, dug]), fence, dug)).toBeDefined();
  const subway = req('e-001', 'g-dc1', '地铁施工的蓝色围挡一夜之间往外挪了两米，直接把我们门脸挡住了，这几天生意掉了一半', { category: 'jiaotong' });
  const subway2 = req('e-002', 'g-dc1', '东城路地铁站施工围挡扩大后，我司门前临时停车位被全部占用，客户来访无处停车', { category: 'jiaotong' });
  expect(pairOf(duplicateLinks([subway, subway2]), subway, subway2)?.reasons.find((r) => r.startsWith('同类问题'))).toContain('围挡占道');
});

test('a street\'s new rules are each one problem for every shop: a signboard order, a one-way street, a market lane closed for works, not a festival closure', () => {
  const sign = req('e-001', 'g-dc1', '城管今天挨家挨户发通知，说东城路的店招要统一样式，七天内自己拆，不拆就强拆', { category: 'shichang' });
  const sign2 = req('e-002', 'g-dc1', '门头招牌说要统一换，钱谁出？通知上只写了限期整改，没写标准样式', { category: 'zhengwu' });
  expect(pairOf(duplicateLinks([sign, sign2]), sign, sign2)?.reasons).toContain('同类问题：店招整治');

  const lane = req('e-016', 'g-xh1', '西湖路菜市场改造，把后面那条巷子整个封了，我们店的瓷砖只能从正门搬', { category: 'jiaotong' });
  const lane2 = req('e-017', 'g-xh1', '后巷被市场改造工程封掉以后，工人把拆下来的建筑垃圾堆在我们工作室后门', { category: 'huanjing' });
  const fair = req('e-018', 'g-xh1', '西湖路南段要搞十天灯会，说从下周五起封路，我们宾馆的客人开车进不来', { category: 'jiaotong' });
  const l = duplicateLinks([lane, lane2, fair]);
  expect(pairOf(l, lane, lane2)?.reasons.find((r) => r.startsWith('同类问题'))).toContain('道路封闭');
  expect(pairOf(l, lane, fair)).toBeUndefined();
  expect(pairOf(l, lane2, fair)).toBeUndefined();
});

test('a crossing not put back is not a new one asked for, a light on by day is not one out, a gas cut is not a gas connection; a park\'s group dissolved and its gate shut early are each one problem', () => {
  const gone = req('e-001', 'g-dc1', '东城路我们厂对面那个人行横道线修完路就没了，红绿灯也拆了，员工过马路太危险', { category: 'other' });
  const gone2 = req('e-002', 'g-dc1', '上月东城路路面重新铺沥青后，园区门口原有的斑马线和行人信号灯都没有恢复', { category: 'jiaotong' });
  const wanted = req('e-003', 'g-dc1', '建议在东城路最南头公交站那里新设一个人行横道，那个位置一直没有斑马线', { category: 'jiaotong' });
  const l1 = duplicateLinks([gone, gone2, wanted]);
  expect(pairOf(l1, gone, gone2)?.reasons).toContain('同类问题：信号灯');
  expect(pairOf(l1, gone, wanted)).toBeUndefined();
  expect(pairOf(l1, gone2, wanted)).toBeUndefined();

  const dark = req('e-004', 'g-dc1', '东城路北段这一段路灯已经黑了三个多星期了，晚上车辆进出场看不清', { category: 'jiaotong' });
  const day = req('e-005', 'g-dc1', '东城路南头桥那边的路灯大白天也一直亮着，好几天了，挺浪费电的', { category: 'other' });
  expect(pairOf(duplicateLinks([dark, day]), dark, day)).toBeUndefined();

  const cut = req('e-021', 'g-xh2', '西湖路东段燃气停了，我们车间的燃气烘干炉停了两天，燃气公司说是管线维修', { category: 'shuiqi' });
  const connect = req('e-021', 'g-xh2', '我们新建的二号车间需要接天然气管道，报装半个月了燃气公司还没来勘察，请帮忙催一下', { category: 'shuiqi' });
  expect(pairOf(duplicateLinks([cut, connect], { sameEnterprise: true }), cut, connect)).toBeUndefined();
  const cut2 = req('e-022', 'g-xh2', '酒店后厨天然气从周二上午突然断了，燃气公司没有提前通知，中午有两场婚宴', { category: 'shuiqi' });
  expect(pairOf(duplicateLinks([cut, cut2]), cut, cut2)?.reasons.find((r) => r.startsWith('同类问题'))).toContain('燃气压力');

  const group = req('e-001', 'g-dc1', '园区企业服务微信群上周突然被解散了，我们之前都是在群里看停电、限行、培训这些通知的', { category: 'zhengwu' });
  const group2 = req('e-003', 'g-dc1', '园区的企业群怎么解散了，之前的通知都在里面，现在去哪看？', { category: 'other' });
  const gate = req('e-004', 'g-dc1', '园区北门现在晚上九点就关门落锁了，我们夜班发货的货车十点以后出不去', { category: 'jiaotong' });
  const gate2 = req('e-005', 'g-dc1', '园区北门晚上关得太早了，我们做实验经常到十点多，车出不去，能不能晚点关', { category: 'other' });
  const l2 = duplicateLinks([group, group2, gate, gate2]);
  expect(pairOf(l2, group, group2)?.reasons).toContain('同类问题：通知群');
  expect(pairOf(l2, gate, gate2)?.reasons).toContain('同类问题：园区大门');
  expect(pairOf(l2, group, gate)).toBeUndefined();
});

test('two crossings of one road are two places; a fault word inside another word (用小车倒) names no fault, so a height barrier stays one problem', () => {
  const flashing = req('e-005', 'g-dc1', '东城路与纬三路路口交通信号灯故障，只有黄灯闪，上下班人车混行很危险', { category: 'jiaotong' });
  const flashing2 = req('e-001', 'g-dc1', '纬三路和东城路交叉那个红绿灯坏了好几天了，一直闪黄灯', { category: 'other' });
  const other = req('e-002', 'g-dc1', '东城路经五路路口的红绿灯坏了，早上堵得厉害', { category: 'jiaotong' });
  const l1 = duplicateLinks([flashing, flashing2, other]);
  expect(pairOf(l1, flashing, flashing2)).toBeDefined();
  expect(pairOf(l1, flashing, other)).toBeUndefined();
  expect(pairOf(l1, flashing2, other)).toBeUndefined();

  const barrier = req('e-026', 'g-la1', '柳岸路那个限高架谁装的，送货的大车都进不来了', { category: 'other' });
  const barrier2 = req('e-029', 'g-la1', '路口装了限高，纸卷车过不去，只能在外面用小车倒，成本翻倍', { category: 'jiaotong' });
  const knocked = req('e-027', 'g-la1', '柳岸路口的限高架被货车撞倒了，横在路上', { category: 'jiaotong' });
  const l2 = duplicateLinks([barrier, barrier2, knocked]);
  expect(pairOf(l2, barrier, barrier2)?.reasons).toContain('同类问题：道路设施损坏');
  expect(pairOf(l2, barrier, knocked)).toBeUndefined();
});

test('one enterprise asking how to start a case and chasing one under way has two cases; two bus lines are two problems', () => {
  const chase = req('e-004', 'g-dc1', '食品生产许可证延续申请10月就在网上交了，到现在还没批，证月底到期，麻烦帮忙催一下', { category: 'zhengwu' });
  const chase2 = req('e-004', 'g-dc1', '再问一下食品生产许可证延续的事，还是没消息，月底就到期了', { category: 'zhengwu' });
  const ask = req('e-004', 'g-dc1', '我们想在食品生产许可证上新增一个生产类别，请问流程和需要什么材料？', { category: 'zhengwu' });
  const l1 = duplicateLinks([chase, chase2, ask], { sameEnterprise: true });
  expect(pairOf(l1, chase, chase2)).toBeDefined();
  expect(pairOf(l1, chase, ask)).toBeUndefined();
  expect(pairOf(l1, chase2, ask)).toBeUndefined();

  const late = req('e-003', 'g-dc1', '12路公交改线了，现在不经过我们仓库门口，夜班员工下班没车坐', { category: 'jiaotong' });
  const moved = req('e-004', 'g-dc1', '36路公交改线以后不停工业园站了，员工上下班要多走一公里', { category: 'jiaotong' });
  const moved2 = req('e-001', 'g-dc1', '36路改线，工业园门口的站没了，希望恢复原来的线路', { category: 'other' });
  const l2 = duplicateLinks([late, moved, moved2]);
  expect(pairOf(l2, moved, moved2)).toBeDefined();
  expect(pairOf(l2, late, moved)).toBeUndefined();
  expect(pairOf(l2, late, moved2)).toBeUndefined();
});

test('a firm complained about for a smell speaks of its own case, not of the smell its neighbours report', () => {
  const smell = req('e-012', 'g-cy1', '最近晚上八九点以后朝阳路一带有很重的臭味，像化学品的味道，学员反映头晕，请环保部门查一下', { category: 'huanjing' });
  const smell2 = req('e-011', 'g-cy1', '这阵子半夜朝阳路有股刺鼻的化学品味道，早上就没了，连着好多天了，能不能查一下是哪来的', { category: 'other' });
  const accused = req('e-013', 'g-cy1', '我司喷涂线被附近居民投诉有异味，环保局来检查，监测结果达标，还是要求我们停产整改，想申请复核', { category: 'huanjing' });
  const l = duplicateLinks([smell, smell2, accused]);
  expect(pairOf(l, smell, smell2)).toBeDefined();
  expect(pairOf(l, smell, accused)).toBeUndefined();
  expect(pairOf(l, smell2, accused)).toBeUndefined();
});

test('two enterprises asking how to apply for one programme ask two questions; a programme late for both is one problem; a public problem and another firm\'s own case are two', () => {
  const ask = req('e-001', 'g-dc1', '今年要上两台设备，想问问有没有政策性担保贴息这些，能不能帮我们牵个线', { category: 'caizheng' });
  const ask2 = req('e-002', 'g-dc1', '听说有个贷款是政府贴息的，具体在哪个银行办，我们需要准备什么', { category: 'caizheng' });
  const late = req('e-003', 'g-dc1', '第三季度的创业担保贷款贴息一直没有到账，银行说是区里资金没拨过来', { category: 'caizheng' });
  const late2 = req('e-004', 'g-dc1', '我们去年办的创业担保贷款，三季度的贴息到现在还没到账', { category: 'caizheng' });
  const l1 = duplicateLinks([ask, ask2, late, late2]);
  expect(pairOf(l1, late, late2)).toBeDefined();
  expect(pairOf(l1, ask, ask2)).toBeUndefined();
  expect(pairOf(l1, ask, late)).toBeUndefined();

  const light = req('e-001', 'g-dc1', '东城路北段的路灯坏了一个多月，晚上东城路北段一片漆黑，员工下班不安全', { category: 'other' });
  const bill = req('e-002', 'g-dc1', '东城路北段我们厂的水费这个月翻了一倍，东城路北段别的厂都正常', { category: 'other' });
  expect(pairOf(duplicateLinks([light, bill]), light, bill)).toBeUndefined();
});

test('a question and its unanswered follow-up are one request; a drain blocked inside one firm\'s yard and an outage on another\'s bill are their own cases', () => {
  const ask = req('e-029', 'g-la1', '我们图文店想接包装盒印刷的活，需不需要办印刷经营许可证？办要多久', { category: 'zhengwu' });
  const again = req('e-029', 'g-la1', '印刷经营许可证的事到现在还没答复，客户等着下单，不给个准话我们不敢接', { category: 'zhengwu' });
  expect(pairOf(duplicateLinks([ask, again], { sameEnterprise: true }), ask, again)).toBeDefined();

  const street = req('e-010', 'g-dc2', '东城路南段下水道堵了，一下大雨污水就返上来，往我们院子里灌', { category: 'shuiqi' });
  const street2 = req('e-008', 'g-dc2', '东城路南头的下水道堵死了，雨水排不出去倒灌进仓库', { category: 'other' });
  const yard = req('e-006', 'g-dc2', '我们公司院内的生活污水管堵了，厕所返水，物业说院里的管子归我们自己管，有没有推荐的疏通单位', { category: 'shuiqi' });
  const l1 = duplicateLinks([street, street2, yard]);
  expect(pairOf(l1, street, street2)).toBeDefined();
  expect(pairOf(l1, street, yard)).toBeUndefined();
  expect(pairOf(l1, street2, yard)).toBeUndefined();

  const cut = req('e-022', 'g-xh2', '暴雨以后西湖路南头一直没电，已经第二天了，说是变压器被水泡了', { category: 'dianli' });
  const cut2 = req('e-025', 'g-xh2', '西湖路停电两天了，大雨把箱变泡了，恒温箱全停，什么时候来电', { category: 'dianli' });
  const bill = req('e-023', 'g-xh2', '8月份电费单上有一段是估抄的，西湖路停电那两天也算了电量，想核对一下电费', { category: 'dianli' });
  const l2 = duplicateLinks([cut, cut2, bill]);
  expect(pairOf(l2, cut, cut2)).toBeDefined();
  expect(pairOf(l2, cut, bill)).toBeUndefined();
  expect(pairOf(l2, cut2, bill)).toBeUndefined();
});

test('two licences are two cases, except beside one public problem both name, which holds up each firm\'s own licence', () => {
  const sewer = req('e-007', 'g-dc2', '东城路北延段的市政污水管铺了，但到现在没和污水处理厂接通，我们申请排水许可被退回', { category: 'shuiqi' });
  const sewer2 = req('e-008', 'g-dc2', '园区污水管网至今没有接入城市污水厂，环评批复要求废水纳管，我们没法投产', { category: 'huanjing' });
  expect(pairOf(duplicateLinks([sewer, sewer2]), sewer, sewer2)).toBeDefined();
  const own = req('e-004', 'g-dc1', '我们车间要新建一个污水预处理池，排水许可要重新办吗，还是做个变更就行', { category: 'zhengwu' });
  const own2 = req('e-004', 'g-dc1', '食品生产许可延续还卡着，系统里还是没受理，证下个月就到期了', { category: 'zhengwu' });
  expect(pairOf(duplicateLinks([own, own2], { sameEnterprise: true }), own, own2)).toBeUndefined();
});

test('a frozen pipe in one firm\'s own building, at its own cost, is its case; an application handed in and a question about another are two', () => {
  const cold = req('e-014', 'g-cy1', '朝阳路14号，暖气片摸着冰凉的，实验室温度控制不住，热力公司电话打不通', { category: 'shuiqi' });
  const cold2 = req('e-012', 'g-cy1', '朝阳路这边教室暖气一点都不热，屋里才十三四度，孩子们得穿着羽绒服上课', { category: 'other' });
  const own = req('e-013', 'g-cy1', '我们厂房的暖气管道前天冻裂了一段，一直在漏，想找热力公司来换管子，自费也行', { category: 'shuiqi' });
  const l1 = duplicateLinks([cold, cold2, own]);
  expect(pairOf(l1, cold, cold2)).toBeDefined();
  expect(pairOf(l1, cold, own)).toBeUndefined();
  expect(pairOf(l1, cold2, own)).toBeUndefined();

  const handed = req('e-012', 'g-cy1', '我们培训学校的办学许可证年检材料交上去一个多月了，寒假班下周就开课', { category: 'zhengwu' });
  const asks = req('e-012', 'g-cy1', '春季班想加一个少儿编程的课程，办学许可证要增项吗？需要什么材料', { category: 'zhengwu' });
  expect(pairOf(duplicateLinks([handed, asks], { sameEnterprise: true }), handed, asks)).toBeUndefined();
});

test('place words: roads by name, lines, numbered buildings; 二号 is 2号, and 增溶 is 增容', () => {
  expect(placeWords(dupNormalize('经五路和东城路交叉口的红绿灯坏了，这条路晚上很黑'))).toEqual({ roads: ['经五路', '东城路'], things: [] });
  expect(placeWords(dupNormalize('供电所说是东03线线路故障，同一条10kV线路')).things).toEqual(['东03线']);
  expect(placeWords(dupNormalize('新建二号车间')).things).toEqual(['2号车间']);
  expect(placeWords(dupNormalize('去年给街道做的绿化工程')).roads).toEqual([]);
  // 差点撞路边: a knock against the roadside, not a road named 点撞路
  expect(placeWords(dupNormalize('晚上骑车差点撞路边维挡上')).roads).toEqual([]);
  // a road's number written as a digit is the same road
  expect(placeWords(dupNormalize('经5路物流园门口那个窟窿')).roads).toEqual(['经五路']);
  expect(dupNormalize('增溶的事')).toBe('增容的事');
  // what voice input writes for a word (听电, 及水), and a bus taken spoken (坐十二路: line 12)
  expect(dupNormalize('厂里又听电了，门口及水很深')).toBe('厂里又停电了,门口积水很深');
  expect(dupNormalize('学员原来坐十二路到门口')).toBe('学员原来坐12路到门口');
  // a construction permit under its other name, an equipment subsidy under its programme's
  expect(dupNormalize('二期的开工证')).toBe('二期的施工许可');
  expect(dupNormalize('申请的设备补助')).toBe('申请的设备更新补贴');
  // a crossroads, a fork and an intersection are no road's name
  expect(placeWords(dupNormalize('我们厂往北那个十字路口、三岔路口和交叉路口')).roads).toEqual([]);
  // nor is what one cannot see
  expect(placeWords(dupNormalize('晚上灯不亮，看不清路')).roads).toEqual([]);
  // nor a road that is slippery (天黑路滑), nor the bus one takes (坐3路): that is a line, and the same line
  expect(placeWords(dupNormalize('早上天黑路滑，走过来不安全')).roads).toEqual([]);
  expect(placeWords(dupNormalize('工人都是坐3路来的')).roads).toEqual([]);
  expect(placeWords(dupNormalize('坐公交3路或者5路都行')).roads).toEqual([]);
  // but a road that is slippery is still the road
  expect(placeWords(dupNormalize('东城路滑得不行，全是冰')).roads).toEqual(['东城路']);
  const stop1 = req('e-008', 'g-dc1', '3路公交在东城路中那站不停了，早上天黑路滑，问问多久恢复');
  const stop2 = req('e-006', 'g-dc1', '东城路上那个公交站车不停了，我们工人都是坐3路来的，能不能恢复');
  expect(pairOf(duplicateLinks([stop1, stop2]), stop1, stop2)).toBeDefined();
  // nor the north end of one (北头路口), nor half of one (半幅路)
  expect(placeWords(dupNormalize('东城路北头路口的电子眼坏了，围挡占了半幅路')).roads).toEqual(['东城路']);
  // nor what someone said (司机说路口): 说 ends a run before a road's name like any verb
  expect(placeWords(dupNormalize('我们厂在东城路1号，司机说路口新架了个横杆')).roads).toEqual(['东城路']);
});

test('a pair a dispatcher said is two problems is never linked, whichever of the two carries the mark', () => {
  const a = req('e-001', 'g-dc1', '东城路北段的路灯坏了一个多月，晚上东城路北段一片漆黑，员工下班不安全');
  const b = req('e-002', 'g-dc1', '东城路北段路灯不亮好久了，晚上黑乎乎的，货车进出很危险');
  expect(pairOf(duplicateLinks([a, b]), a, b)).toBeDefined();
  expect(duplicateLinks([{ ...a, notDuplicateOf: [b.id] }, b])).toEqual([]);
  expect(duplicateLinks([a, { ...b, notDuplicateOf: [a.id] }])).toEqual([]);
  expect(pairOf(duplicateLinks([{ ...a, notDuplicateOf: ['r-other'] }, b]), a, b)).toBeDefined();
});

test('a drain in one firm\'s own yard (下水道, read as 污水井) is its case, not the street\'s flooding', () => {
  const yard = req('e-019', 'g-xh1', '我们院子里的下水道堵了，往外返臭水，想问能不能请市政帮忙疏通', { category: 'shuiqi' });
  const street = req('e-018', 'g-xh1', '又下雨又淹了，西湖路我们店那一截积水到膝盖，下水口是不是堵死了', { category: 'shuiqi' });
  expect(pairOf(duplicateLinks([yard, street]), yard, street)).toBeUndefined();
});

test('a batch late for several firms is one problem where one says so and the other chases its own; a firm asking how to start one is not', () => {
  const late = req('e-021', 'g-xh2', '排污许可证今年到期，8月份就提交了延续申请，到现在还没批下来，证过期了还能不能生产', { category: 'huanjing' });
  const batch = req('e-023', 'g-xh2', '排污许可延续一直没批下来，跟卓越化工他们同一批交的，网上状态三个多月没变', { category: 'huanjing' });
  const ask = req('e-025', 'g-xh2', '我们的排污许可证明年到期，想问问延续需要准备哪些材料', { category: 'huanjing' });
  const l1 = duplicateLinks([late, batch, ask]);
  expect(pairOf(l1, late, batch)).toBeDefined();
  expect(pairOf(l1, batch, ask)).toBeUndefined();
  expect(pairOf(l1, late, ask)).toBeUndefined();
  // the same two without a word of the batch: two firms' own renewals
  const alone = req('e-023', 'g-xh2', '排污许可延续一直没批下来，网上状态三个多月没变', { category: 'huanjing' });
  expect(pairOf(duplicateLinks([late, alone]), late, alone)).toBeUndefined();
});

test('beside one public problem both name (a new daytime truck ban), a firm\'s own case around it (a pass asked for, a fine) does not split it; works tie no two firms\' own cases', () => {
  const fined = req('e-013', 'g-cy1', '朝阳路什么时候改成白天禁止货车通行了？我们送货车这个月被拍了好几次，路口那个牌子是新立的', { category: 'jiaotong' });
  const pass = req('e-011', 'g-cy1', '货车白天不让走朝阳路了，我们设备只能半夜发，能不能给园区企业办个通行证，或者放宽到早上9点前', { category: 'jiaotong' });
  expect(pairOf(duplicateLinks([fined, pass]), fined, pass)).toBeDefined();

  const permit = req('e-023', 'g-xh2', '新车间打算在我们自己拿的地上建，施工许可前的图审现在要排多久', { category: 'zhengwu' });
  const meals = req('e-022', 'g-xh2', '改造工地施工队的工作餐是我们供的，四个多月的餐费没结，问就说改造款没下来', { category: 'zhengwu' });
  expect(pairOf(duplicateLinks([permit, meals]), permit, meals)).toBeUndefined();
  // works on a street stay one problem, whoever digs it up (the gas company's trench)
  const trench = req('e-026', 'g-la1', '柳岸路燃气管道施工，路挖开一个多月了也不回填，叉车和货车进不来', { category: 'jiaotong' });
  const trench2 = req('e-027', 'g-la1', '柳岸路那条沟什么时候填啊，挖开了不填，晚上也没警示灯', { category: 'jiaotong' });
  expect(pairOf(duplicateLinks([trench, trench2]), trench, trench2)).toBeDefined();
});

test('a thing a sector names in everything it writes (an operator\'s charging station, a plant\'s hazardous waste) ties two requests only by a fault of it', () => {
  // one charging operator's three cases around its stations: a tariff question, a connection late, a fan's noise
  const tariff = req('e-017', 'g-xh1', '我们充电站的基本电费按容量还是按需量交划算？想问下怎么选', { category: 'dianli' });
  const connect = req('e-017', 'g-xh1', '新建的充电站报装两个月了供电方案还没出来，桩都装好了就等通电', { category: 'dianli' });
  const fans = req('e-017', 'g-xh1', '充电站的散热风扇晚上嗡嗡响，旁边小区投诉噪音，加隔音屏要不要审批', { category: 'huanjing' });
  const links = duplicateLinks([tariff, connect, fans], { sameEnterprise: true });
  expect(pairOf(links, tariff, connect)).toBeUndefined();
  expect(pairOf(links, connect, fans)).toBeUndefined();
  expect(pairOf(links, tariff, fans)).toBeUndefined();
  // two drivers' firms on one broken public charger: its fault ties them
  const broken = req('e-016', 'g-xh1', '西湖路停车场那排公共充电桩坏了一半，扫码没反应，我们的车队充不上电', { category: 'jiaotong' });
  const broken2 = req('e-018', 'g-xh1', '西湖路停车场的充电桩好几个故障，充不进电，司机白跑一趟', { category: 'jiaotong' });
  expect(pairOf(duplicateLinks([broken, broken2]), broken, broken2)).toBeDefined();
  // the district's hazardous-waste collection stopped, told by three plants in their own words; a fourth asks how to fill in a transfer form
  const stopped = req('e-006', 'g-dc2', '废机油和废油桶以前交区里的危废收集点，这个月去了两次都锁着门', { category: 'huanjing' });
  const stopped2 = req('e-008', 'g-dc2', '危废收集平台原来每月来收废溶剂，最近一直没人来收，电话也联系不上', { category: 'huanjing' });
  const form = req('e-009', 'g-dc2', '第一次自己填危废转移联单，系统里废物代码怎么选，有没有操作说明', { category: 'huanjing' });
  const waste = duplicateLinks([stopped, stopped2, form]);
  expect(pairOf(waste, stopped, stopped2)).toBeDefined();
  expect(pairOf(waste, stopped, form)).toBeUndefined();
  expect(pairOf(waste, stopped2, form)).toBeUndefined();
});

test('on the first labelled set: precision and recall stay above the floor (reached: 1.000 and 0.983)', () => {
  const f = duplicateFigures(DUP_REQUESTS, DUP_PAIRS, NEAR_MISS_PAIRS);
  expect(f.pairs).toBeGreaterThanOrEqual(50);
  expect(f.precision).toBeGreaterThanOrEqual(0.95);
  expect(f.recall).toBeGreaterThanOrEqual(0.93);
  expect(f.across.precision).toBeGreaterThanOrEqual(0.95);
  expect(f.across.recall).toBeGreaterThanOrEqual(0.95);
  expect(f.nearMissesProposed).toBeLessThanOrEqual(1);
});

test('the held-out set is well formed: demo enterprises in their grids, 40–200 characters, pairs and near misses apart', () => {
  // e-001 … e-030 sit five to a grid, in this order (core/seed/demo-district.ts)
  const gridOf = (e: string) => ['g-dc1', 'g-dc2', 'g-cy1', 'g-xh1', 'g-xh2', 'g-la1'][Math.floor((Number(e.slice(2)) - 1) / 5)];
  const ids = new Set(HOLDOUT_REQUESTS.map((r) => r.id));
  expect(ids.size).toBe(HOLDOUT_REQUESTS.length);
  expect(HOLDOUT_REQUESTS.length).toBeGreaterThanOrEqual(40);
  for (const r of HOLDOUT_REQUESTS) {
    expect(r.gridId).toBe(gridOf(r.enterpriseId));
    expect((CATEGORY_CODES as readonly string[]).includes(r.category)).toBe(true);
    expect([...r.text].length).toBeGreaterThanOrEqual(40);
    expect([...r.text].length).toBeLessThanOrEqual(200);
  }
  const key = ([a, b]: readonly [string, string]) => [a, b].sort().join('|');
  const dup = new Set(HOLDOUT_PAIRS.map(key));
  expect(dup.size).toBe(HOLDOUT_PAIRS.length);
  expect(HOLDOUT_PAIRS.length).toBeGreaterThanOrEqual(12);
  expect(HOLDOUT_NEAR_MISS_PAIRS.length).toBeGreaterThanOrEqual(5);
  for (const p of [...HOLDOUT_PAIRS, ...HOLDOUT_NEAR_MISS_PAIRS]) expect(ids.has(p[0]) && ids.has(p[1])).toBe(true);
  expect(HOLDOUT_NEAR_MISS_PAIRS.filter((p) => dup.has(key(p)))).toEqual([]);
});

test('on the first held-out set, now training data: a floor under what it reaches (1.000 and 1.000; 0.875 and 0.500 when it was first measured blind)', () => {
  const f = duplicateFigures(HOLDOUT_REQUESTS, HOLDOUT_PAIRS, HOLDOUT_NEAR_MISS_PAIRS);
  expect(f.precision).toBeGreaterThanOrEqual(0.95);
  expect(f.recall).toBeGreaterThanOrEqual(0.95);
  expect(f.across.recall).toBeGreaterThanOrEqual(0.95);
  expect(f.nearMissesProposed).toBe(0);
});

/**
 * The held-out sets from the second on, each with the floor under what it reaches now and what it
 * scored when first measured blind (the commit the method was frozen at). Those marked never read
 * (the 9th, 11th, 17th, 19th, 20th, 23rd, 25th, 28th, 29th, 32nd to 36th, 39th, 42nd, 44th, 45th, 51st, 52nd, 55th, 56th, 58th, 61st, 63rd, 64th, 67th, 68th, 71st, 72nd, 75th, 77th and 79th) only show a regression; the others were read after
 * their blind measure and are training data now.
 */
const LATER_SETS: Array<[name: string, set: Parameters<typeof duplicateFigures>, floor: { precision: number; recall: number; nearMisses: number }]> = [
  ['second, training (0.936 and 0.986, 1 of 31 near misses; 0.386 and 0.459 when it was first measured blind)', [DUP_HOLDOUT2_REQUESTS, DUP_HOLDOUT2_PAIRS, NEAR_MISS_HOLDOUT2_PAIRS], { precision: 0.9, recall: 0.95, nearMisses: 2 }],
  ['third, training (0.931 and 1.000, 3 of 25 near misses; 0.646 and 0.627 when it was first measured blind, at dc0f695)', [DUP_HOLDOUT3_REQUESTS, DUP_HOLDOUT3_PAIRS, NEAR_MISS_HOLDOUT3_PAIRS], { precision: 0.9, recall: 0.95, nearMisses: 4 }],
  ['fourth, training (0.950 and 0.814, 1 of 24 near misses; 0.609 and 0.200 when it was first measured blind, at 463545e: most of its problems were of kinds the lexicon did not know)', [DUP_HOLDOUT4_REQUESTS, DUP_HOLDOUT4_PAIRS, NEAR_MISS_HOLDOUT4_PAIRS], { precision: 0.9, recall: 0.78, nearMisses: 2 }],
  ['fifth, training (0.969 and 0.912, 0 of 25 near misses; 0.674 and 0.426 when it was first measured blind, at 3bac699)', [DUP_HOLDOUT5_REQUESTS, DUP_HOLDOUT5_PAIRS, NEAR_MISS_HOLDOUT5_PAIRS], { precision: 0.9, recall: 0.88, nearMisses: 2 }],
  ['sixth, training (0.914 and 0.946, 2 of 25 near misses; 0.706 and 0.643 when it was first measured blind, at 6913c90)', [DUP_HOLDOUT6_REQUESTS, DUP_HOLDOUT6_PAIRS, NEAR_MISS_HOLDOUT6_PAIRS], { precision: 0.88, recall: 0.92, nearMisses: 3 }],
  ['seventh, training (0.948 and 0.932, 0 of 24 near misses; 0.627 and 0.542 when it was first measured blind, at 56e9da4)', [DUP_HOLDOUT7_REQUESTS, DUP_HOLDOUT7_PAIRS, NEAR_MISS_HOLDOUT7_PAIRS], { precision: 0.9, recall: 0.9, nearMisses: 1 }],
  ['eighth, training (1.000 and 1.000; 0.737 and 0.778 when it was first measured blind, at a919038)', [DUP_HOLDOUT8_REQUESTS, DUP_HOLDOUT8_PAIRS, NEAR_MISS_HOLDOUT8_PAIRS], { precision: 0.95, recall: 0.95, nearMisses: 1 }],
  ['ninth, never read (blind 0.754 / 0.697 at c530f5e)', [DUP_HOLDOUT9_REQUESTS, DUP_HOLDOUT9_PAIRS, NEAR_MISS_HOLDOUT9_PAIRS], { precision: 0.72, recall: 0.66, nearMisses: 4 }],
  ['tenth, training (0.868 and 1.000; 0.762 and 0.727 when it was first measured blind, at f11fe32, and 0.812 and 0.848 after the lexicon breadth pass, at c2b95d5)', [DUP_HOLDOUT10_REQUESTS, DUP_HOLDOUT10_PAIRS, NEAR_MISS_HOLDOUT10_PAIRS], { precision: 0.84, recall: 0.95, nearMisses: 2 }],
  ['eleventh, never read (blind 0.817 / 0.860 at 738d656; 0.860 / 0.860 at 956d936 and since)', [H11.DUP_HOLDOUT11_REQUESTS, H11.DUP_HOLDOUT11_PAIRS, H11.NEAR_MISS_HOLDOUT11_PAIRS], { precision: 0.82, recall: 0.82, nearMisses: 3 }],
  ['twelfth, training (blind 0.701 / 0.723 at 738d656)', [H12.DUP_HOLDOUT12_REQUESTS, H12.DUP_HOLDOUT12_PAIRS, H12.NEAR_MISS_HOLDOUT12_PAIRS], { precision: 0.88, recall: 0.88, nearMisses: 2 }],
  ['thirteenth, training (blind 0.743 / 0.724 at 956d936)', [H13.DUP_HOLDOUT13_REQUESTS, H13.DUP_HOLDOUT13_PAIRS, H13.NEAR_MISS_HOLDOUT13_PAIRS], { precision: 0.77, recall: 0.84, nearMisses: 3 }],
  ['fourteenth, training (blind 0.727 / 0.615 at 956d936)', [H14.DUP_HOLDOUT14_REQUESTS, H14.DUP_HOLDOUT14_PAIRS, H14.NEAR_MISS_HOLDOUT14_PAIRS], { precision: 0.93, recall: 0.97, nearMisses: 1 }],
  ['fifteenth, training (blind 0.831 / 0.894 at c7682c6)', [H15.DUP_HOLDOUT15_REQUESTS, H15.DUP_HOLDOUT15_PAIRS, H15.NEAR_MISS_HOLDOUT15_PAIRS], { precision: 0.88, recall: 0.9, nearMisses: 3 }],
  ['sixteenth, training (blind 0.698 / 0.833 at c7682c6)', [H16.DUP_HOLDOUT16_REQUESTS, H16.DUP_HOLDOUT16_PAIRS, H16.NEAR_MISS_HOLDOUT16_PAIRS], { precision: 0.86, recall: 0.83, nearMisses: 3 }],
  ['seventeenth, never read (blind 0.861 / 0.912 at cae0728)', [H17.DUP_HOLDOUT17_REQUESTS, H17.DUP_HOLDOUT17_PAIRS, H17.NEAR_MISS_HOLDOUT17_PAIRS], { precision: 0.82, recall: 0.88, nearMisses: 3 }],
  ['eighteenth, training (blind 0.726 / 0.757 at cae0728)', [H18.DUP_HOLDOUT18_REQUESTS, H18.DUP_HOLDOUT18_PAIRS, H18.NEAR_MISS_HOLDOUT18_PAIRS], { precision: 0.85, recall: 0.88, nearMisses: 3 }],
  ['nineteenth, never read (blind 0.672 / 0.719 at e3f81dd)', [H19.DUP_HOLDOUT19_REQUESTS, H19.DUP_HOLDOUT19_PAIRS, H19.NEAR_MISS_HOLDOUT19_PAIRS], { precision: 0.63, recall: 0.68, nearMisses: 5 }],
  ['twentieth, never read (blind 0.792 / 0.745 at e3f81dd)', [H20.DUP_HOLDOUT20_REQUESTS, H20.DUP_HOLDOUT20_PAIRS, H20.NEAR_MISS_HOLDOUT20_PAIRS], { precision: 0.75, recall: 0.7, nearMisses: 3 }],
  ['twenty-first, training (blind 0.833 / 0.427 at 80212a2)', [H21.DUP_HOLDOUT21_REQUESTS, H21.DUP_HOLDOUT21_PAIRS, H21.NEAR_MISS_HOLDOUT21_PAIRS], { precision: 0.86, recall: 0.76, nearMisses: 2 }],
  ['twenty-second, training (0.938 and 0.608; blind 0.667 / 0.243 at 80212a2)', [H22.DUP_HOLDOUT22_REQUESTS, H22.DUP_HOLDOUT22_PAIRS, H22.NEAR_MISS_HOLDOUT22_PAIRS], { precision: 0.9, recall: 0.58, nearMisses: 2 }],
  ['twenty-third, never read (blind 0.727 / 0.606 at 13ac2ed)', [H23.DUP_HOLDOUT23_REQUESTS, H23.DUP_HOLDOUT23_PAIRS, H23.NEAR_MISS_HOLDOUT23_PAIRS], { precision: 0.66, recall: 0.57, nearMisses: 4 }],
  ['twenty-fourth, training (blind 0.456 / 0.342 at 13ac2ed)', [H24.DUP_HOLDOUT24_REQUESTS, H24.DUP_HOLDOUT24_PAIRS, H24.NEAR_MISS_HOLDOUT24_PAIRS], { precision: 0.7, recall: 0.6, nearMisses: 6 }],
  ['twenty-fifth, never read (blind 0.617 / 0.468 at cac93ee)', [H25.DUP_HOLDOUT25_REQUESTS, H25.DUP_HOLDOUT25_PAIRS, H25.NEAR_MISS_HOLDOUT25_PAIRS], { precision: 0.58, recall: 0.52, nearMisses: 6 }],
  ['twenty-sixth, training (0.920 and 0.605; blind 0.714 / 0.197 at cac93ee)', [H26.DUP_HOLDOUT26_REQUESTS, H26.DUP_HOLDOUT26_PAIRS, H26.NEAR_MISS_HOLDOUT26_PAIRS], { precision: 0.88, recall: 0.58, nearMisses: 1 }],
  ['twenty-seventh, training (0.906 and 0.738; blind 0.708 / 0.523 at 6b029f1)', [H27.DUP_HOLDOUT27_REQUESTS, H27.DUP_HOLDOUT27_PAIRS, H27.NEAR_MISS_HOLDOUT27_PAIRS], { precision: 0.87, recall: 0.7, nearMisses: 3 }],
  ['twenty-eighth, never read (blind 0.776 / 0.521 at 6b029f1)', [H28.DUP_HOLDOUT28_REQUESTS, H28.DUP_HOLDOUT28_PAIRS, H28.NEAR_MISS_HOLDOUT28_PAIRS], { precision: 0.74, recall: 0.53, nearMisses: 4 }],
  ['twenty-ninth, never read (blind 0.846 / 0.764 at 1355b8b)', [H29.DUP_HOLDOUT29_REQUESTS, H29.DUP_HOLDOUT29_PAIRS, H29.NEAR_MISS_HOLDOUT29_PAIRS], { precision: 0.81, recall: 0.73, nearMisses: 3 }],
  ['thirtieth, training (0.846 and 0.859; blind 0.707 / 0.641 at 89f3b20)', [H30.DUP_HOLDOUT30_REQUESTS, H30.DUP_HOLDOUT30_PAIRS, H30.NEAR_MISS_HOLDOUT30_PAIRS], { precision: 0.8, recall: 0.82, nearMisses: 3 }],
  ['thirty-first, training (0.836 and 0.793; blind 0.776 / 0.655 at 89f3b20)', [H31.DUP_HOLDOUT31_REQUESTS, H31.DUP_HOLDOUT31_PAIRS, H31.NEAR_MISS_HOLDOUT31_PAIRS], { precision: 0.8, recall: 0.76, nearMisses: 3 }],
  ['thirty-second, never read (blind 0.844 / 0.594 at 89f3b20)', [H32.DUP_HOLDOUT32_REQUESTS, H32.DUP_HOLDOUT32_PAIRS, H32.NEAR_MISS_HOLDOUT32_PAIRS], { precision: 0.8, recall: 0.56, nearMisses: 4 }],
  ['thirty-third, never read (blind 0.746 / 0.736 at 89f3b20)', [H33.DUP_HOLDOUT33_REQUESTS, H33.DUP_HOLDOUT33_PAIRS, H33.NEAR_MISS_HOLDOUT33_PAIRS], { precision: 0.72, recall: 0.72, nearMisses: 4 }],
  ['thirty-fourth, never read (blind 0.784 / 0.597 at f68c50d)', [H34.DUP_HOLDOUT34_REQUESTS, H34.DUP_HOLDOUT34_PAIRS, H34.NEAR_MISS_HOLDOUT34_PAIRS], { precision: 0.74, recall: 0.53, nearMisses: 3 }],
  ['thirty-fifth, never read (blind 0.860 / 0.698 at f68c50d)', [H35.DUP_HOLDOUT35_REQUESTS, H35.DUP_HOLDOUT35_PAIRS, H35.NEAR_MISS_HOLDOUT35_PAIRS], { precision: 0.82, recall: 0.67, nearMisses: 2 }],
  ['thirty-sixth, never read (blind 0.431 / 0.391 at f68c50d)', [H36.DUP_HOLDOUT36_REQUESTS, H36.DUP_HOLDOUT36_PAIRS, H36.NEAR_MISS_HOLDOUT36_PAIRS], { precision: 0.4, recall: 0.36, nearMisses: 8 }],
  ['thirty-seventh, training (0.826 and 0.826; blind 0.773 / 0.739 at f68c50d)', [H37.DUP_HOLDOUT37_REQUESTS, H37.DUP_HOLDOUT37_PAIRS, H37.NEAR_MISS_HOLDOUT37_PAIRS], { precision: 0.79, recall: 0.79, nearMisses: 4 }],
  ['thirty-eighth, training (0.860 and 0.710; blind 0.643 / 0.391 at 64a2b93)', [H38.DUP_HOLDOUT38_REQUESTS, H38.DUP_HOLDOUT38_PAIRS, H38.NEAR_MISS_HOLDOUT38_PAIRS], { precision: 0.82, recall: 0.68, nearMisses: 3 }],
  ['thirty-ninth, never read (blind 0.804 / 0.661 at 64a2b93)', [H39.DUP_HOLDOUT39_REQUESTS, H39.DUP_HOLDOUT39_PAIRS, H39.NEAR_MISS_HOLDOUT39_PAIRS], { precision: 0.76, recall: 0.62, nearMisses: 7 }],
  ['fortieth, a May–June mix, training (0.852 and 0.676; blind 0.745 / 0.559 at f4ba220)', [H40.DUP_HOLDOUT40_REQUESTS, H40.DUP_HOLDOUT40_PAIRS, H40.NEAR_MISS_HOLDOUT40_PAIRS], { precision: 0.81, recall: 0.64, nearMisses: 4 }],
  ['forty-first, shops and restaurants on old commercial streets, training (0.873 and 0.873; blind 0.729 / 0.718 at f4ba220)', [H41.DUP_HOLDOUT41_REQUESTS, H41.DUP_HOLDOUT41_PAIRS, H41.NEAR_MISS_HOLDOUT41_PAIRS], { precision: 0.83, recall: 0.83, nearMisses: 3 }],
  ['forty-second, foreign-trade and e-commerce firms, never read (blind 0.894 / 0.646 at f4ba220)', [H42.DUP_HOLDOUT42_REQUESTS, H42.DUP_HOLDOUT42_PAIRS, H42.NEAR_MISS_HOLDOUT42_PAIRS], { precision: 0.85, recall: 0.61, nearMisses: 3 }],
  ['forty-third, heavy industry at the district\'s edge, training (0.871 and 0.761; blind 0.683 / 0.577 at f4ba220)', [H43.DUP_HOLDOUT43_REQUESTS, H43.DUP_HOLDOUT43_PAIRS, H43.NEAR_MISS_HOLDOUT43_PAIRS], { precision: 0.83, recall: 0.72, nearMisses: 3 }],
  ['forty-fourth, the weeks before the Spring Festival, never read (blind 0.785 / 0.671 at 5c46c0b)', [H44.DUP_HOLDOUT44_REQUESTS, H44.DUP_HOLDOUT44_PAIRS, H44.NEAR_MISS_HOLDOUT44_PAIRS], { precision: 0.75, recall: 0.63, nearMisses: 3 }],
  ['forty-fifth, a science park and the village workshops beside it (some dictated), never read (blind 0.831 / 0.681 at 5c46c0b)', [H45.DUP_HOLDOUT45_REQUESTS, H45.DUP_HOLDOUT45_PAIRS, H45.NEAR_MISS_HOLDOUT45_PAIRS], { precision: 0.79, recall: 0.64, nearMisses: 2 }],
  ['forty-sixth, high summer, training (0.787 and 0.829; blind 0.671 / 0.724 at 8fd74fe)', [H46.DUP_HOLDOUT46_REQUESTS, H46.DUP_HOLDOUT46_PAIRS, H46.NEAR_MISS_HOLDOUT46_PAIRS], { precision: 0.75, recall: 0.79, nearMisses: 6 }],
  ['forty-seventh, a wholesale market and logistics district dictating by voice, training (0.813 and 0.703; blind 0.679 / 0.486 at 8fd74fe)', [H47.DUP_HOLDOUT47_REQUESTS, H47.DUP_HOLDOUT47_PAIRS, H47.NEAR_MISS_HOLDOUT47_PAIRS], { precision: 0.77, recall: 0.66, nearMisses: 2 }],
  ['forty-eighth, a garment and textile cluster, training (0.736 and 0.726; blind 0.633 / 0.685 at f49f8ff)', [H48.DUP_HOLDOUT48_REQUESTS, H48.DUP_HOLDOUT48_PAIRS, H48.NEAR_MISS_HOLDOUT48_PAIRS], { precision: 0.7, recall: 0.69, nearMisses: 6 }],
  ['forty-ninth, autumn in the service economy, training (0.835 and 0.927; blind 0.551 / 0.793 at f49f8ff)', [H49.DUP_HOLDOUT49_REQUESTS, H49.DUP_HOLDOUT49_PAIRS, H49.NEAR_MISS_HOLDOUT49_PAIRS], { precision: 0.8, recall: 0.89, nearMisses: 3 }],
  ['fiftieth, a logistics park and cold-chain warehouses in winter, training (0.733 and 0.892; blind 0.667 / 0.602 at 174e359)', [H50.DUP_HOLDOUT50_REQUESTS, H50.DUP_HOLDOUT50_PAIRS, H50.NEAR_MISS_HOLDOUT50_PAIRS], { precision: 0.69, recall: 0.85, nearMisses: 3 }],
  ['fifty-first, an old industrial estate under urban renewal, never read (blind 0.841 / 0.654 at 174e359)', [H51.DUP_HOLDOUT51_REQUESTS, H51.DUP_HOLDOUT51_PAIRS, H51.NEAR_MISS_HOLDOUT51_PAIRS], { precision: 0.8, recall: 0.61, nearMisses: 2 }],
  ['fifty-second, farm-produce processing and rural cooperatives at harvest, never read (blind 0.813 / 0.744 at 174e359)', [H52.DUP_HOLDOUT52_REQUESTS, H52.DUP_HOLDOUT52_PAIRS, H52.NEAR_MISS_HOLDOUT52_PAIRS], { precision: 0.77, recall: 0.7, nearMisses: 4 }],
  ['fifty-third, hiring and workers at the start of the year, training (0.783 and 0.774; blind 0.760 / 0.679 at 174e359)', [H53.DUP_HOLDOUT53_REQUESTS, H53.DUP_HOLDOUT53_PAIRS, H53.NEAR_MISS_HOLDOUT53_PAIRS], { precision: 0.74, recall: 0.73, nearMisses: 4 }],
  ['fifty-fourth, a chemical and new-materials park in late spring, training (0.829 and 0.810; blind 0.729 / 0.607 at 794fcdc)', [H54.DUP_HOLDOUT54_REQUESTS, H54.DUP_HOLDOUT54_PAIRS, H54.NEAR_MISS_HOLDOUT54_PAIRS], { precision: 0.79, recall: 0.77, nearMisses: 5 }],
  ['fifty-fifth, new-energy vehicle parts, battery makers and charging operators, never read (blind 0.862 / 0.691 at 794fcdc)', [H55.DUP_HOLDOUT55_REQUESTS, H55.DUP_HOLDOUT55_PAIRS, H55.NEAR_MISS_HOLDOUT55_PAIRS], { precision: 0.82, recall: 0.65, nearMisses: 4 }],
  ['fifty-sixth, printing, packaging and paper workshops dictating by voice, never read (blind 0.873 / 0.721 at 794fcdc)', [H56.DUP_HOLDOUT56_REQUESTS, H56.DUP_HOLDOUT56_PAIRS, H56.NEAR_MISS_HOLDOUT56_PAIRS], { precision: 0.83, recall: 0.68, nearMisses: 4 }],
  ['fifty-seventh, a riverside tourism town in the October Golden Week, training (0.598 and 0.667; blind 0.576 / 0.628 at 7f426a6)', [H57.DUP_HOLDOUT57_REQUESTS, H57.DUP_HOLDOUT57_PAIRS, H57.NEAR_MISS_HOLDOUT57_PAIRS], { precision: 0.55, recall: 0.62, nearMisses: 8 }],
  ['fifty-eighth, electronics and semiconductor suppliers in a high-tech zone, never read (blind 0.855 / 0.738 at 7f426a6)', [H58.DUP_HOLDOUT58_REQUESTS, H58.DUP_HOLDOUT58_PAIRS, H58.NEAR_MISS_HOLDOUT58_PAIRS], { precision: 0.81, recall: 0.7, nearMisses: 4 }],
  ['fifty-ninth, building contractors and suppliers at year-end, training (0.742 and 0.868; blind 0.628 / 0.711 at 7f426a6)', [H59.DUP_HOLDOUT59_REQUESTS, H59.DUP_HOLDOUT59_PAIRS, H59.NEAR_MISS_HOLDOUT59_PAIRS], { precision: 0.7, recall: 0.82, nearMisses: 8 }],
  ['sixtieth, a chemical, coating and pharmaceutical park, training (0.763 and 0.784; blind 0.549 / 0.527 at 4aa5f02)', [H60.DUP_HOLDOUT60_REQUESTS, H60.DUP_HOLDOUT60_PAIRS, H60.NEAR_MISS_HOLDOUT60_PAIRS], { precision: 0.72, recall: 0.74, nearMisses: 3 }],
  ['sixty-first, foreign-trade and cross-border e-commerce firms, never read (blind 0.708 / 0.622 at 4aa5f02)', [H61.DUP_HOLDOUT61_REQUESTS, H61.DUP_HOLDOUT61_PAIRS, H61.NEAR_MISS_HOLDOUT61_PAIRS], { precision: 0.66, recall: 0.58, nearMisses: 6 }],
  ['sixty-second, small shops and individual businesses on old streets, training (0.709 and 0.767; blind 0.588 / 0.548 at 4aa5f02)', [H62.DUP_HOLDOUT62_REQUESTS, H62.DUP_HOLDOUT62_PAIRS, H62.NEAR_MISS_HOLDOUT62_PAIRS], { precision: 0.67, recall: 0.72, nearMisses: 4 }],
  ['sixty-third, private kindergartens, training schools, clinics and elderly-care homes, never read (blind 0.734 / 0.603 at 4aa5f02)', [H63.DUP_HOLDOUT63_REQUESTS, H63.DUP_HOLDOUT63_PAIRS, H63.NEAR_MISS_HOLDOUT63_PAIRS], { precision: 0.69, recall: 0.56, nearMisses: 3 }],
  ['sixty-fourth, a software and data industrial park, never read (blind 0.598 / 0.679 at 4aa5f02)', [H64.DUP_HOLDOUT64_REQUESTS, H64.DUP_HOLDOUT64_PAIRS, H64.NEAR_MISS_HOLDOUT64_PAIRS], { precision: 0.55, recall: 0.63, nearMisses: 12 }],
  ['sixty-fifth, a food-processing and cold-drink cluster in summer, training (0.761 and 0.675; blind 0.652 / 0.563 at 5e8da9d)', [H65.DUP_HOLDOUT65_REQUESTS, H65.DUP_HOLDOUT65_PAIRS, H65.NEAR_MISS_HOLDOUT65_PAIRS], { precision: 0.72, recall: 0.63, nearMisses: 2 }],
  ['sixty-sixth, an automotive-parts and machining cluster in late autumn, training (0.625 and 0.786; blind 0.500 / 0.557 at 5e8da9d)', [H66.DUP_HOLDOUT66_REQUESTS, H66.DUP_HOLDOUT66_PAIRS, H66.NEAR_MISS_HOLDOUT66_PAIRS], { precision: 0.58, recall: 0.74, nearMisses: 8 }],
  ['sixty-seventh, an early-spring mix filed largely by grid officers and liaisons, never read (blind 0.687 / 0.639 at 5e8da9d)', [H67.DUP_HOLDOUT67_REQUESTS, H67.DUP_HOLDOUT67_PAIRS, H67.NEAR_MISS_HOLDOUT67_PAIRS], { precision: 0.64, recall: 0.59, nearMisses: 4 }],
  ['sixty-eighth, a livestreaming e-commerce base and rural e-commerce warehouses before Double Eleven, never read (blind 0.688 / 0.667 at e7df5dd)', [H68.DUP_HOLDOUT68_REQUESTS, H68.DUP_HOLDOUT68_PAIRS, H68.NEAR_MISS_HOLDOUT68_PAIRS], { precision: 0.64, recall: 0.62, nearMisses: 6 }],
  ['sixty-ninth, furniture and woodworking makers in the plum-rain season, training (0.739 and 0.773; blind 0.661 / 0.621 at e7df5dd)', [H69.DUP_HOLDOUT69_REQUESTS, H69.DUP_HOLDOUT69_PAIRS, H69.NEAR_MISS_HOLDOUT69_PAIRS], { precision: 0.68, recall: 0.71, nearMisses: 2 }],
  ['seventieth, the winter heating season in an older district, typed by older owners with many typos, training (0.629 and 0.726; blind 0.373 / 0.631 at e7df5dd)', [H70.DUP_HOLDOUT70_REQUESTS, H70.DUP_HOLDOUT70_PAIRS, H70.NEAR_MISS_HOLDOUT70_PAIRS], { precision: 0.58, recall: 0.68, nearMisses: 3 }],
  ['seventy-first, medical-device and biotech start-ups in an incubator, never read (blind 0.696 / 0.753 at e7df5dd)', [H71.DUP_HOLDOUT71_REQUESTS, H71.DUP_HOLDOUT71_PAIRS, H71.NEAR_MISS_HOLDOUT71_PAIRS], { precision: 0.65, recall: 0.71, nearMisses: 6 }],
  ['seventy-second, a river port and its wharf economy in late autumn, never read (blind 0.681 / 0.662 at b97e8b6)', [H72.DUP_HOLDOUT72_REQUESTS, H72.DUP_HOLDOUT72_PAIRS, H72.NEAR_MISS_HOLDOUT72_PAIRS], { precision: 0.62, recall: 0.72, nearMisses: 6 }],
  ['seventy-third, a motor-services street in spring, training (0.808 and 0.831; blind 0.719 / 0.577 at b97e8b6)', [H73.DUP_HOLDOUT73_REQUESTS, H73.DUP_HOLDOUT73_PAIRS, H73.NEAR_MISS_HOLDOUT73_PAIRS], { precision: 0.77, recall: 0.79, nearMisses: 4 }],
  ['seventy-fourth, a cultural and creative park in an old factory in summer, training (0.800 and 0.842; blind 0.545 / 0.474 at b97e8b6)', [H74.DUP_HOLDOUT74_REQUESTS, H74.DUP_HOLDOUT74_PAIRS, H74.NEAR_MISS_HOLDOUT74_PAIRS], { precision: 0.76, recall: 0.8, nearMisses: 3 }],
  ['seventy-fifth, elderly care, home services, canteens and pharmacies in winter, never read (blind 0.733 / 0.603 at b97e8b6)', [H75.DUP_HOLDOUT75_REQUESTS, H75.DUP_HOLDOUT75_PAIRS, H75.NEAR_MISS_HOLDOUT75_PAIRS], { precision: 0.7, recall: 0.59, nearMisses: 7 }],
  ['seventy-sixth, quarries, a cement plant and brick works at the mountain edge in early spring, training (0.611 and 0.775; blind 0.562 / 0.577 at 1f58646)', [H76.DUP_HOLDOUT76_REQUESTS, H76.DUP_HOLDOUT76_PAIRS, H76.NEAR_MISS_HOLDOUT76_PAIRS], { precision: 0.57, recall: 0.73, nearMisses: 4 }],
  ['seventy-seventh, a university town as term begins, never read (blind 0.687 / 0.814 at 1f58646)', [H77.DUP_HOLDOUT77_REQUESTS, H77.DUP_HOLDOUT77_PAIRS, H77.NEAR_MISS_HOLDOUT77_PAIRS], { precision: 0.64, recall: 0.77, nearMisses: 7 }],
  ['seventy-eighth, a fishing port and aquatic-products processing in the summer moratorium, training (0.578 and 0.686; blind 0.494 / 0.586 at 1f58646)', [H78.DUP_HOLDOUT78_REQUESTS, H78.DUP_HOLDOUT78_PAIRS, H78.NEAR_MISS_HOLDOUT78_PAIRS], { precision: 0.54, recall: 0.64, nearMisses: 5 }],
  ['seventy-ninth, the works around a new high-speed rail station through one autumn, never read (blind 0.644 / 0.778 at 1f58646)', [H79.DUP_HOLDOUT79_REQUESTS, H79.DUP_HOLDOUT79_PAIRS, H79.NEAR_MISS_HOLDOUT79_PAIRS], { precision: 0.6, recall: 0.75, nearMisses: 3 }],
];

test.each(LATER_SETS)('on the %s held-out set: a floor under what it reaches', (_name, set, floor) => {
  const f = duplicateFigures(...set);
  expect(f.precision).toBeGreaterThanOrEqual(floor.precision);
  expect(f.recall).toBeGreaterThanOrEqual(floor.recall);
  expect(f.nearMissesProposed).toBeLessThanOrEqual(floor.nearMisses);
});

test('a bus that no longer stops at the gate is a problem of the stop, as a stop removed is', () => {
  const gone = req('e-012', 'g-cy1', '朝阳路的公交站牌被拆了，孩子放学不知道去哪坐车，是挪到别处了吗');
  const noStop = req('e-015', 'g-cy1', '公交车不在我们厂门口停了，工人只能骑电动车来，问问站什么时候恢复');
  expect(pairOf(duplicateLinks([gone, noStop]), gone, noStop)).toBeDefined();
});

test('one enterprise, two unpaid bills: a customer and a general contractor owing are two debts, a school and a housing estate project too', () => {
  const customer = req('e-023', 'g-xh2', '另外一个事，有家做设备的客户买了我们的钢平台，货到了也验收了，尾款27万拖了半年');
  const contractor = req('e-023', 'g-xh2', '总包欠款还是没给，电话也不怎么接了，180万不是小数');
  expect(pairOf(duplicateLinks([customer, contractor], { sameEnterprise: true }), customer, contractor)).toBeUndefined();
  const school = req('e-006', 'g-dc2', '去年给区里一所小学做的校舍维修，审计完了还有46万尾款没付');
  const estate = req('e-006', 'g-dc2', '再反映一次，那个小区项目欠我们的工程款一直拖着不给');
  expect(pairOf(duplicateLinks([school, estate], { sameEnterprise: true }), school, estate)).toBeUndefined();
});

test('a leak in the building of an enterprise is its own case, not the flooding of the street', () => {
  const street = req('e-003', 'g-dc1', '东城路3号门口那段路一下雨就积水，排水口好像被堵了，雨水往里冒');
  const own = req('e-001', 'g-dc1', '我们自己厂区办公楼的地下室这两天渗水，外墙根有裂缝往里冒水');
  expect(pairOf(duplicateLinks([street, own]), street, own)).toBeUndefined();
});

test('an outage nobody planned is not the planned one; flies beside a drain and beside a bin point are two problems', () => {
  const planned = req('e-018', 'g-xh1', '供电所发短信说下周三西湖路计划停电检修，能不能改到晚上', { category: 'dianli' });
  const unplanned = req('e-016', 'g-xh1', '机房在西湖路16号，近期多次非计划停电，请排查线路故障', { category: 'dianli' });
  expect(pairOf(duplicateLinks([planned, unplanned]), planned, unplanned)).toBeUndefined();
  const drain = req('e-002', 'g-dc1', '公司门口那个排水井反臭反水好几天了，蚊子苍蝇特别多，东城路');
  const bins = req('e-009', 'g-dc1', '东城路9号旁边那个垃圾点三四天没人拉了，天一热全是苍蝇');
  expect(pairOf(duplicateLinks([drain, bins]), drain, bins)).toBeUndefined();
  const flies = req('e-005', 'g-dc1', '东城路这边苍蝇特别多，店里一天打死几十只');
  expect(pairOf(duplicateLinks([bins, flies]), bins, flies)).toBeDefined();
});

test('one programme late for two shops is one problem even when they file it under two categories', () => {
  const a = req('e-004', 'g-dc1', '消费券核销的钱到现在一分没到账，问银行说等财政拨款', { category: 'zhengce' });
  const b = req('e-005', 'g-dc1', '我们店的消费券核销款一直没到账，说是等财政拨款，都俩月了', { category: 'other' });
  expect(pairOf(duplicateLinks([a, b]), a, b)).toBeDefined();
});

test('a shop sign to be approved is not the street whose signs were taken down for a uniform one', () => {
  const approval = req('e-020', 'g-xh1', '楼顶广告牌的审批上次提交了，二十多天没动静，麻烦帮问问到哪一步了');
  const uniform = req('e-019', 'g-xh1', '门头招牌拆了快俩月了，说好的统一更换呢，天天有人问这家还开不开');
  const uniform2 = req('e-018', 'g-xh1', '街道统一换门头，两个月前把我们老招牌拆了，说一个月新的就装好，到现在没装');
  const links = duplicateLinks([approval, uniform, uniform2]);
  expect(pairOf(links, approval, uniform)).toBeUndefined();
  expect(pairOf(links, uniform, uniform2)).toBeDefined();
});

test('a tree to prune before a typhoon is not one that fell; a yard that floods, asking to connect its drain, is its own case', () => {
  const prune = req('e-006', 'g-dc2', '台风要来了，工地边上那排老杨树歪得厉害，申请修剪一下，怕砸到人');
  const fell = req('e-007', 'g-dc2', '昨晚雷雨大风，东城路7号门口两棵大树倒了，把路堵了一半，车出不去');
  expect(pairOf(duplicateLinks([prune, fell]), prune, fell)).toBeUndefined();
  const yard = req('e-002', 'g-dc1', '我司院子地势低，一下雨就积水，想自己改排水管接到市政管网，需要找哪个部门批');
  const underpass = req('e-001', 'g-dc1', '东城路下穿通道积水严重，员工早上上班电动车全泡了，建议雨季安排专人值守抽水');
  expect(pairOf(duplicateLinks([yard, underpass]), yard, underpass)).toBeUndefined();
});

test('a market broadband that costs too much is not the line cut; a loose manhole cover rattling is not the works next door', () => {
  const price = req('e-012', 'g-cy1', '朝阳小商品城的宽带一年一千八，比外面贵好多，市场还指定只能用一家');
  const cut = req('e-015', 'g-cy1', '朝阳路修管道把光缆挖断了，小商品城一整排店铺都没网，已经两天了');
  expect(pairOf(duplicateLinks([price, cut]), price, cut)).toBeUndefined();
  const cover = req('e-002', 'g-dc1', '东城路2号门口的井盖松了，货车一压就哐哐响，晚上特别吵');
  const works = req('e-008', 'g-dc1', '东城路8号对面工地夜里还在施工，噪音太大，员工宿舍没法睡');
  expect(pairOf(duplicateLinks([cover, works]), cover, works)).toBeUndefined();
});

test('a circuit is no road: 双回路 and 第二路电源 name a second power supply, not a road called 双回 or 第二', () => {
  expect(placeWords(dupNormalize('双回路供电的事还没落实吗')).roads).toEqual([]);
  expect(placeWords(dupNormalize('西湖路园区第二路电源说好十月底前接通')).roads).toEqual(['西湖路']);
});

test('a problem at one spot of a road, named at house numbers far apart, is two spots; a stretch and a number inside it are one', () => {
  const at3 = req('e-003', 'g-dc1', '东城路3号门口下水井往外冒污水，流得满路都是');
  const at8 = req('e-004', 'g-dc1', '东城路8号前面的污水井堵了，脏水往外冒');
  const stretch = req('e-005', 'g-dc1', '东城路3号到5号中间那个下水道一直往外冒水，臭得很');
  const at4 = req('e-001', 'g-dc1', '东城路4号门前下水井冒污水好几天了');
  const links = duplicateLinks([at3, at8, stretch, at4]);
  expect(pairOf(links, at3, at8)).toBeUndefined();
  expect(pairOf(links, stretch, at4)).toBeDefined();
  expect(pairOf(links, at3, stretch)).toBeDefined();
  // one enterprise saying it asks again of the spot, now spreading further along: the same problem
  const again = req('e-003', 'g-dc1', '上次反映的东城路3号下水道还是堵着，现在东城路9号门口也冒污水了');
  expect(pairOf(duplicateLinks([at3, again], { sameEnterprise: true }), at3, again)).toBeDefined();
  // building 8 of a compound is no house number
  const block = req('e-004', 'g-dc1', '东城路8号楼前面的污水井堵了，脏水往外冒');
  expect(pairOf(duplicateLinks([at3, block]), at3, block)).toBeDefined();
  // a problem along the road (its street lights) is not held to one spot
  const lights3 = req('e-003', 'g-dc1', '东城路3号门口路灯不亮了，晚上黑漆漆的');
  const lights8 = req('e-004', 'g-dc1', '东城路8号那边路灯坏了一排，晚上一片漆黑');
  expect(pairOf(duplicateLinks([lights3, lights8]), lights3, lights8)).toBeDefined();
});

test('a night market is the setting of what goes wrong there: its parking and its stall subsidy are two problems, its stalls on the pavement one', () => {
  const parking = req('e-027', 'g-la1', '夜市时间柳岸路两边乱停车，把仓库出入口堵了，配送车出不去');
  const subsidy = req('e-028', 'g-la1', '夜市摊位补贴申报三个月了，街道说资金还在走流程，啥时候能到');
  const licence = req('e-026', 'g-la1', '饮品店想在夜市卖现榨果汁，要不要单独办小作坊证');
  const links = duplicateLinks([parking, subsidy, licence]);
  expect(links).toEqual([]);
  // beside one of its stall faults (refuse left, tables on the pavement) 夜市 is the stalls' problem still
  const litter = req('e-029', 'g-la1', '柳岸路夜市散场后竹签饭盒扔一地，第二天早上我们自己扫');
  const stalls = req('e-030', 'g-la1', '柳岸路摆摊的收摊以后垃圾没人管，门口全是竹签');
  expect(pairOf(duplicateLinks([litter, stalls]), litter, stalls)).toBeDefined();
});

/**
 * Two firms of one grid on one programme or batch, each named in its own words: linked; and what only
 * looks like one (a round's guide asked for beside this round's money late): not. [why, grid, one firm's
 * text, the other's, linked]
 */
const ONE_PROGRAMME: Array<[why: string, grid: string, a: string, b: string, linked: boolean]> = [
  ['明厨亮灶 by its name', 'g-xh2', '食堂明厨亮灶改造的补助申请了半年了，都没到', '酒店后厨按要求做了明厨亮灶，补贴款啥时候发', true],
  ['the night-market subsidy by the market or the programme', 'g-la1', '夜经济扶持资金每个摊位补3000，7月交的材料，现在还没发', '夜市摊位补贴申报三个月了，啥时候能到', true],
  ['a licence batch (这批)', 'g-xh1', '宾馆特行许可续办跟客栈街那批一起报的，快两个月没消息', '我们青旅也是客栈街那批报的旅馆业许可，一直卡着', true],
  ['clean heating by what was changed (煤改电)', 'g-dc2', '去年做的车间煤改电，验收完都大半年了，补贴一直没到', '清洁取暖改造补助啥时候兑现？材料交了好几轮', true],
  ['a cost-cutting award (降本增效)', 'g-cy1', '物流降本增效补贴第二批公示都一个月了，钱还没拨', '我们申报的降本增效奖补，9月份审核通过，到现在没到账', true],
  ['new-energy trucks by what they carry', 'g-xh1', '新能源货车补贴，监控平台数据也报了，钱啥时候到', '新能源物流车运营补贴今年的还没发', true],
  ['one settlement batch (批次) of a freight platform', 'g-la1', '网络货运平台那个结算批次的运费至今未支付，涉及我司46单', '货运平台欠运费的事，11月中那批结算一直拖', true],
  ['one gas connection batch (一批一起)', 'g-xh1', '天然气报装3月就交了，燃气公司说西湖路这一批统一验收通气，到现在都没排上', '燃气报装好久了，说要等一批一起通，等了两个多月', true],
  ['one training batch (统一报名)', 'g-dc2', '园区报名的5月那期电工焊工特种作业培训，说好15号开班，到现在没通知', '园区统一报名的特种作业操作证培训是否延期？我司2名员工一直在等', true],
  ['an apprenticeship subsidy (学徒制)', 'g-la1', '企业新型学徒制的补贴第一期什么时候发？去年9月开班的', '学徒制补贴一直没到，学徒的培训费我们先垫了十几万', true],
  ['next round asked for (申报指南) beside this round late', 'g-xh2', '2026年安全改造补贴的申报指南出了没有？我们今年准备上新的防爆系统', '请问安全改造专项补贴什么时候拨付？名单上有我们公司', false],
];

test.each(ONE_PROGRAMME)('two firms on one programme or batch: %s', (_why, grid, a, b, linked) => {
  const x = req('e-901', grid, a);
  const y = req('e-902', grid, b);
  expect(pairOf(duplicateLinks([x, y]), x, y) !== undefined).toBe(linked);
});

test('one road\'s two sections are two places: street lights out on 东城路北段 and on its 南头 are two problems, 北段 and 北头 one', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('东城路北段路灯不亮半个月了，晚上下班黑乎乎的', '东城路南头的路灯坏了一排，晚上看不见路')).toEqual([]);
  expect(two('东城路北段路灯不亮半个月了，晚上下班黑乎乎的', '东城路北头的路灯坏了一排，晚上看不见路')).toHaveLength(1);
  // a side of the road (北侧) is no section
  expect(two('东城路北段路灯不亮半个月了，晚上下班黑乎乎的', '东城路北侧的路灯坏了一排，晚上看不见路')).toHaveLength(1);
});

test('a programme\'s batches named by number are two cases: its first batch unpaid and its second batch unpaid; 首批 is the first', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('安全改造补贴第一批公示两个月了，钱还没到账', '安全改造补贴第二批公示完了，钱一直没到账')).toEqual([]);
  expect(two('安全改造补贴第一批公示两个月了，钱还没到账', '我们在安全改造补贴首批名单里，补贴资金至今未拨付')).toHaveLength(1);
  // a half-year's round is a batch too: the first half's money unpaid and the second half's call
  expect(two('既有建筑节能改造补助（上半年批次）至今未拨付，请告知进度', '既有建筑节能改造下半年批次要报，系统一直登不进去，这个补助钱也一直没拨付')).toEqual([]);
  // 安全技改 is the same programme said shorter
  expect(two('安全技改那个补助第一批说十月底拨付，现在还没下来', '我们在安全改造提升补贴首批名单里，补贴资金至今未拨付')).toHaveLength(1);
});

test('a form of support (贴息) is the programme only where none is named: 技改贴息 and 设备更新贴息 are two, 贴息 alone may be either', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('技术改造专项的贴息去年验收完了，说今年上半年拨，现在还没到账', '设备更新贷款贴息公示完了，说三季度拨付，现在还没到账')).toEqual([]);
  expect(two('贴息那个好几家都没拿到，资金还没下来，利息都是自己先垫的', '设备更新贷款贴息公示完了，说三季度拨付，现在还没到账')).toHaveLength(1);
});

test('whether its own purchase qualifies (能不能算设备更新) is each enterprise\'s question, not one problem', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-xh1', a), req('e-2', 'g-xh1', b)]);
  expect(two('我们是做文化传媒的，买摄像设备能不能算设备更新，能不能享受贴息', '软件公司买服务器能不能算设备更新，能享受贴息吗')).toEqual([]);
});

test('water standing under a bridge (桥洞, 下穿) and at a junction of the same road are two spots; two reports of the underpass are one', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('东城路铁路桥洞一下雨就积水，冷藏车熄火在里面了', '东城路纬二路十字路口地势低洼，雨后积水深约30公分')).toEqual([]);
  expect(two('东城路铁路桥洞一下雨就积水，冷藏车熄火在里面了', '东城路下穿通道又淹了，送货车过不去，抽水泵是不是坏了')).toHaveLength(1);
});

test('an SC licence is the food production licence, not the canteen\'s food business licence; a sewage discharge permit by its long name is 排水许可', () => {
  const own = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-1', 'g-dc1', b)], { sameEnterprise: true });
  expect(own('再次反映SC证延续的事，上次说等现场核查，一直没来人', '请问厂里的职工食堂要不要单独办食品经营许可')).toEqual([]);
  expect(own('排水许可证还是没下来，上次问说等采样，又过去三周了', '要办污水排入排水管网许可证，6月中旬交的材料，说要现场采水样，到现在没人来')).toHaveLength(1);
});

test('an export certification subsidy named three ways is one programme', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('出口认证补贴第二批公示完一个多月了还没拨', '外贸质量认证那个奖补，第二批公示名单里有我们，现在还没见钱')).toHaveLength(1);
});

test('winter: the heating an outage stops is the outage\'s consequence; a firm\'s own wiring, pipes, radiators and roof are its own; snow nobody cleared is no refuse', () => {
  const two = (a: string, b: string, grid = 'g-dc1') => duplicateLinks([req('e-1', grid, a), req('e-2', grid, b)]);
  expect(two('东城路1号 进入12月以来厂区已非计划停电三次 热处理及冬季供暖均受影响', '东城路5号 办公楼暖气不热 屋里才十二三度 热力电话打不通')).toEqual([]);
  expect(two('店里电暖气一开就跳闸 电工说进户线太细 这找供电所还是找房东', '东城路南段停电了 从早上六点多到现在 听说是下雪压断了线')).toEqual([]);
  expect(two('三楼卫生间的水管冻列了 水顺着墙往下流 该找物业还是自来水', '朝阳路上自来水主管爆了 水漫到我们门口 厂里停水', 'g-cy1')).toEqual([]);
  expect(two('办公楼暖器片刚换的新的 放完气还是上凉下热 这是物业管还是热力管啊', '上个月反应的暖气问题还没解决 屋里就14度 热力来人量了说是换热站供水温度低')).toEqual([]);
  expect(two('我们租的东城路标准厂房3号库 房顶漏雨 下一次雨漏一次 库里的家具泡了要赔', '东城路立交桥底下积水好几天了 员工上下班电动车都趟水过')).toEqual([]);
  expect(two('东城路光明街口的雪 三天了 没人铲 我这小店门口都堵了', '光明街跟东城路交叉那 雪没人清 堆成小山了 过路口看不见车')).toHaveLength(1);
});

test('rain names no road (每次暴雨路上的水), nor does snow pushed to a junction (都推路口): a text about 东城路 near 建业街 names those two', () => {
  expect(placeWords(dupNormalize('东城路靠建业街那头 每次暴雨路上的水都往厂区倒流')).roads).toEqual(['东城路', '建业街']);
  expect(placeWords(dupNormalize('东城路光明街路口雪堆得半人高 铲雪车把雪都推路口了')).roads).toEqual(['东城路', '光明街']);
});

test('programmes by their other names: export credit insurance (信保), the Canton Fair\'s booths, a heating fee cut, the electric and gas heating subsidies', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-xh1', a), req('e-2', 'g-xh1', b)]);
  expect(two('去年的出口信保保费补贴 说6月前兑现 现在还没到', '信保补帖还没发？别的区都到账了 我们这边咋这么慢')).toHaveLength(1);
  expect(two('春季广交会参展补贴啥时候发 一个展位好几万 就指着这个补贴', '今年广交会的展位费补贴 说展会结束3个月内拨 现在都过了 还没动静')).toHaveLength(1);
  expect(two('取暖费减免50%的政策 交的时候让先全额交 说批下来退 退费到底啥时候', '暖气费减半的退款 年底前能到吗 我们小本买卖')).toHaveLength(1);
  expect(two('何军：电采暖补贴柳岸社区这批 说12月初到账 现在还没到', '电采暖那个补贴 社区说第一批就有我们 等了一个月了 一分没见')).toHaveLength(1);
  expect(two('企业冬季燃气取暖补帖第一批 说11月底到帐 到现在也没见钱', '燃气采暖补贴第一批名单公示完快一个月了 钱还没拨下来')).toHaveLength(1);
});


test('a programme neither names (a district\'s award for model shops) is one where both describe it in much the same words, not where their words part', () => {
  // among a district's other open requests (the first labelled set's), where words of chasing (到现在, 没见) are common
  const others = DUP_REQUESTS.map((r) => ({ ...r, communityId: null, createdAt: T0 }));
  const linked = (a: string, b: string) => {
    const [x, y] = [req('e-1', 'g-dc1', a, { category: 'zhengce' }), req('e-2', 'g-dc1', b, { category: 'zhengce' })];
    return !!pairOf(duplicateLinks([x, y, ...others]), x, y);
  };
  expect(linked('去年评上汽车后市场示范店 说有五万奖励 到现在一分没见', '汽车后市场示范店的奖补资金 公示完半年了 还没拨付')).toBe(true);
  expect(linked('去年评上汽车后市场示范店 说有五万奖励 到现在一分没见', '老旧厂房外立面改造的补助 到现在一分没见')).toBe(false);
});

test('a question how to do something of one\'s own at a place (a film shoot there, how to apply) is not the problem others report there', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-cy1', a), req('e-2', 'g-cy1', b)]);
  expect(two('下个月想在朝阳路槐树街口拍个宣传片 要临时占道半天 怎么申请', '朝阳路槐树街口雨水篦子全堵了 下点雨就积水')).toHaveLength(0);
});

test('a firm the checks blamed that names who is really at fault reports that problem as its neighbours do', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-xh2', a), req('e-2', 'g-xh2', b)]);
  expect(two('西湖路西段渣土撒漏 路面扬尘 环保检查说我们厂扬尘超标 其实是渣土车搞的', '西湖路西段夜里渣土车一趟接一趟 撒得满地都是土')).toHaveLength(1);
});

test('broadband too slow is not the fibre the works cut; a lane\'s mouth (纺机巷路口) names no road called 机巷路', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-xh2', a), req('e-2', 'g-xh2', b)]);
  expect(two('西湖路西段宽带一到晚上就卡 网速太慢 能不能换运营商', '西湖路西段光缆被挖断了 从昨天到现在都没网')).toHaveLength(0);
  expect(placeWords(dupNormalize('东城路纺机巷路口红绿灯坏了好几天了')).roads).toEqual(['东城路']);
});

test('programmes by their other names: the cultural programme\'s funds (文创专项, 动漫扶持), compute vouchers, a VOCs upgrade by its activated carbon; 第二批文化产业 is no approval (批文)', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('文创专项资金第二批什么时候兑现 公示完好久了', '区里动漫扶持资金第二批一直没拨 公示名单上有我们')).toHaveLength(1);
  expect(two('算力券那笔钱拖太久了 我们先垫付给云服务商了', '区里的算力补贴到底啥时候兑现 名单早就出来了')).toHaveLength(1);
  expect(two('喷漆房活性炭吸附改造补贴 说3月发 现在还没信儿', '汽修行业VOCs治理补助我们也报了 说区里统一拨付')).toHaveLength(1);
  expect(dupNormalize('去年第二批文化产业专项资金')).not.toContain('批复');
});

test('power: a rationing notice (错峰用电) is not a planned outage, nor is one that came with no notice; a quarry\'s blast that cut the line is an outage nobody planned', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-xh2', a, { category: 'dianli' }), req('e-2', 'g-xh2', b, { category: 'dianli' })]);
  expect(two('接到通知西湖路北段开海期间错峰用电 白天限负荷30% 能不能照顾下', '听说西湖路北段下个月要换高压线 停电三天 能不能分段停')).toHaveLength(0);
  expect(two('东城路港区东头昨天下午停电 没有任何通知 生产线全停了', '东城路渔港那边贴了停电通知 下周三检修停一天')).toHaveLength(0);
  expect(two('收到通知3月15号西湖路计划检修停电 能不能改到周末', '3月2号西湖路西段停电七个多小时 听说是西山放炮崩断了线')).toHaveLength(0);
});

test('a batch numbered without 第 (油补二批) is that batch; a numbered berth (3号泊位) is a place; a bus line that no longer stops (18路不在那站停了) is the stop\'s problem', () => {
  const two = (a: string, b: string, grid = 'g-dc1') => duplicateLinks([req('e-1', grid, a, { category: 'zhengce' }), req('e-2', grid, b, { category: 'zhengce' })]);
  expect(two('渔业油补二批一直没发放 农业局说在走流程', '渔船燃油补贴第一批啥时候发 公示完俩月了')).toHaveLength(0);
  expect(two('渔业油补二批一直没发放 农业局说在走流程', '渔船燃油补贴第二批啥时候发 公示完俩月了')).toHaveLength(1);
  expect(two('西湖路码头3号泊位坍塌 建议尽快抢修 开海后船多很危险', '3号泊位那块岸壁塌了俩月 船靠不了岸', 'g-xh2')).toHaveLength(1);
  expect(dupNormalize('18路现在不在渔港那站停了')).toContain('不停靠');
});
