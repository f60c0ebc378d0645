/**
 * Demo requests for local mode, made by running the real actions at moments in the past, so the
 * ledger opens with requests in every colour and state: waiting (white), on track (green), close
 * to the deadline (yellow), overdue and urged (red), paused, under a supervision card, resolved
 * awaiting a score, closed on time and closed late. The card follows the card flow (core/cards):
 * accepted by both departments, the co-operating one's opinion given, the lead's progress
 * reported. Skipped when any request exists.
 */
import { createFunctions, functionOf } from '../functions';
import type { ServiceRequest } from '../model';
import type { Ports } from '../ports';
import { loadSla } from '../sla/policy';
import { devOpenid } from './demo-district';
import { requestRepo } from '../repos/requests';
import { beijingDate } from '../time';

type Step = { after: number /* working hours after submission */; who: string; event: Record<string, unknown> };
type Scenario = { ago: number /* working days before now */; who: string; category: string; description: string; steps: Step[] };

const accept: Step = { after: 1, who: '$assignee', event: { action: 'request.accept' } };
const progress = (after: number, note: string): Step => ({ after, who: '$assignee', event: { action: 'request.progress', note } });
const resolve = (after: number, result: string): Step => ({ after, who: '$assignee', event: { action: 'request.resolve', result } });
const score = (after: number, s: number, comment: string): Step => ({ after, who: '$submitter', event: { action: 'request.confirm', score: s, comment } });

const SCENARIOS: Scenario[] = [
  // red: overdue, urged by the sweep
  { ago: 8, who: 'u-linxiao', category: 'dianli', description: '新建二号车间需增容至800千伏安，报装申请已提交三周，供电方案迟迟未出。', steps: [accept, progress(3, '已联系供电公司客户经理，等待现场勘察排期')] },
  { ago: 7, who: 'u-xuming', category: 'yongdi', description: '扩建项目用地规划条件需调整，咨询多次未得到明确答复，影响项目开工。', steps: [accept] },
  { ago: 6.5, who: 'u-dengchao', category: 'huanjing', description: '厂区外排水管网淤堵，雨天倒灌进厂区，已影响原料仓储。', steps: [] },
  // yellow: less than a working day left
  { ago: 4.5, who: 'u-hanmei', category: 'yonggong', description: '年底订单增加，急需招聘30名普工，希望对接人社部门专场招聘会。', steps: [accept, progress(4, '已推荐参加12月人社局专场招聘会')] },
  { ago: 4.3, who: 'u-songya', category: 'zhengce', description: '去年申报的技改补贴尚未拨付，不清楚进度，请帮助查询。', steps: [accept] },
  // green: on track
  { ago: 1.5, who: 'u-caoying', category: 'rongzi', description: '企业流动资金紧张，希望了解政银企对接和贴息贷款政策。', steps: [accept, progress(2, '已约银行客户经理周三上门')] },
  { ago: 0.8, who: 'u-gaopeng', category: 'jiaotong', description: '厂区门口道路缺少限速和指示标志，货车进出存在安全隐患。', steps: [accept] },
  { ago: 0.3, who: 'u-linxiao', category: 'nashui', description: '新招员工社保增员操作系统报错，无法完成参保登记。', steps: [] },
  // white: waiting in the community queue (柳岸一网格's only officer is full)
  { ago: 2, who: 'u-hejun', category: 'shuiqi', description: '厂区用水压力不足，高峰时段生产线停机。', steps: [accept] },
  { ago: 1.8, who: 'u-hejun', category: 'jianzhu', description: '新建仓库消防审验需要哪些前期手续，希望有人指导。', steps: [accept] },
  { ago: 1.6, who: 'u-hejun', category: 'falv', description: '与供应商合同纠纷，希望获得法律援助咨询。', steps: [accept] },
  { ago: 1.2, who: 'u-hejun', category: 'kaiban', description: '拟设立分公司，想了解一网通办流程。', steps: [] },
  // paused: waiting for the enterprise's material
  { ago: 2.5, who: 'u-xuming', category: 'zhichan', description: '商标被他人抢注，希望了解异议申请流程并获得指导。', steps: [accept, { after: 2, who: '$assignee', event: { action: 'request.pause', reason: '请补充商标使用证据（销售合同、宣传材料）' } }] },
  // closed on time, closed late, resolved awaiting a score
  { ago: 12, who: 'u-songya', category: 'zhengwu', description: '营业执照经营范围变更网上办理卡在审核环节。', steps: [accept, resolve(6, '已协调市场监管局窗口当日办结变更'), score(8, 5, '办理很及时，非常满意')] },
  { ago: 15, who: 'u-hanmei', category: 'shichang', description: '产品抽检结果有异议，希望复检。', steps: [accept, progress(10, '已与市场监管局沟通复检流程'), resolve(40, '已安排复检，结果合格'), score(42, 3, '结果满意但时间较长')] },
  { ago: 3, who: 'u-caoying', category: 'laodong', description: '员工劳动合同续签有争议，需要政策解读。', steps: [accept, resolve(5, '已由人社所上门解读政策并协助调解')] },
  { ago: 9, who: 'u-gaopeng', category: 'tuoqian', description: '为某建设项目供货，货款被拖欠半年未结算。', steps: [accept, progress(6, '已约谈项目建设方'), resolve(20, '建设方承诺分两期结清，首期已到账'), score(21, 4, '首期已收到，继续跟进')] },
];

export async function seedDemoRequests(ports: Ports, now: Date): Promise<number> {
  const requests = requestRepo(ports.store);
  if (!(await requests.none())) return 0;
  const { calendar } = await loadSla(ports);
  let t = now;
  const fns = createFunctions({ ...ports, clock: { now: () => t } });
  const as = async (userId: string, event: Record<string, unknown>) => {
    const r = await fns[functionOf(event.action)](event, { openid: devOpenid(userId) });
    if (!r.ok) throw new Error(`demo seed: ${String(event.action)} as ${userId}: ${r.code} ${r.message}`);
    return r.data as { request: ServiceRequest };
  };
  let made = 0;
  // oldest first, so ticket numbers follow submission time
  for (const [i, s] of [...SCENARIOS].sort((a, b) => b.ago - a.ago).entries()) {
    const start = calendar.addWorkingMinutes(now, -Math.round(s.ago * calendar.minutesPerDay)).at;
    t = start;
    const phone = { 'u-linxiao': '13612340001', 'u-gaopeng': '13612340002', 'u-hejun': '13612340003' }[s.who] ?? '13612340009';
    const { request } = await as(s.who, { action: 'request.submit', clientKey: `demo-seed-${i}`, category: s.category, description: s.description, photos: [], phone });
    for (const step of s.steps) {
      t = calendar.addWorkingMinutes(start, step.after * 60).at;
      if (t > now) break;
      const current = (await requests.get(request._id))!;
      const who = step.who === '$assignee' ? current.assigneeId : step.who === '$submitter' ? s.who : step.who;
      if (!who) break;
      await as(who, { ...step.event, id: request._id });
    }
    made++;
  }
  // one case under a supervision card to two departments
  t = calendar.addWorkingMinutes(now, -3 * calendar.minutesPerDay).at;
  const carded = await as('u-dengchao', {
    action: 'request.submit', clientKey: 'demo-seed-card', category: 'jianzhu', phone: '13612340007',
    description: '厂房加层改造的施工许可办理涉及规划和住建两个部门，材料往返多次仍未办结。',
  });
  t = calendar.addWorkingMinutes(t, 60).at;
  const deadline = calendar.addWorkingDays(now, 4).at;
  const ymd = beijingDate(deadline);
  await as('u-sunli', {
    action: 'card.issue', id: carded.request._id, leadDeptId: 'dep-zjj', coDeptIds: ['dep-zrzy'], deadline: ymd,
    instructions: '请住建局牵头、自然资源局协办，5个工作日内明确施工许可办理路径并答复企业。',
  });
  // as the seeds run a card: both departments accept, the co-operating one gives its opinion, the
  // lead reports progress; the lead's final answer is still to come
  const cardId = (await requests.get(carded.request._id))!.cardId;
  const issuedAt = t;
  t = calendar.addWorkingMinutes(issuedAt, 90).at;
  await as('u-fengyu', { action: 'card.accept', cardId });
  t = calendar.addWorkingMinutes(issuedAt, 150).at;
  await as('u-qianjun', { action: 'card.accept', cardId });
  t = calendar.addWorkingMinutes(issuedAt, calendar.minutesPerDay).at;
  await as('u-qianjun', { action: 'card.reply', cardId, reply: '经核查，该厂房所在地块规划条件允许加层，规划许可变更材料已齐全，我局可在3个工作日内出具意见。' });
  t = calendar.addWorkingMinutes(issuedAt, Math.round(1.5 * calendar.minutesPerDay)).at;
  await as('u-fengyu', { action: 'card.progress', cardId, note: '已约企业补交结构安全鉴定报告，收到后即进入施工许可审查。' });
  made++;
  // the sweep brings colours, reminders and urges up to now
  t = now;
  await fns.sweep({ Type: 'Timer' }, null);
  return made;
}
