/**
 * A small world for the security tests: the demo district plus one record of every kind an action
 * can act on (requests in each state, a supervision card, open and closed visits, plans, a pending
 * binding, an invite, a deactivated account), one caller per role, and a valid input for every
 * action of the service function. The matrix runs each (action, role) on a fresh copy of it; the
 * fuzzer runs on one copy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../adapters/sqlite-store';
import { fakeClock, localFiles, localQrCode, permissiveContentCheck, recordingNotifier } from '../../adapters/local-ports';
import { C, ARRAY_FIELDS, INDEXES } from '../../core/collections';
import { createFunctions, type Envelope, functionOf } from '../../core/functions';
import type { Enterprise } from '../../core/model';
import type { Ports } from '../../core/ports';
import { devOpenid, makeCreditCode } from '../../core/seed/demo-district';
import { HARNESS_PUBLIC_BASE, makeHarness, submission } from '../support/harness';

/** the bootstrap admin code of every world: no answer may ever contain it */
export const BOOTSTRAP_CODE = 'QZ7BOOT4K9X2';
export const START = '2026-11-23T01:30:00Z';
/** Beijing date of START */
export const TODAY = '2026-11-23';

export const ROLES = ['enterprise', 'newcomer', 'officer', 'liaison', 'dispatcher', 'department', 'leader', 'admin', 'deactivated', 'cppcc'] as const;
export type Role = (typeof ROLES)[number];

/** who plays each role: a demo user id, or a raw openid for people the demo does not have */
export const CALLERS: Record<Role, string> = {
  enterprise: 'u-linxiao', // bound to 东城新材料 (e-002), its first contact
  newcomer: 'wx-newcomer', // first visit: an unbound enterprise user
  officer: 'u-zhangwei', // grid officer of g-dc1, the assignee of the world's requests
  liaison: 'u-zhouqiang', // liaison of e-001, not of e-002
  dispatcher: 'u-sunli', // district center: supervises everything
  department: 'u-fengyu', // 区住房和城乡建设局 (dep-zjj): lead department of the card
  leader: 'u-majianguo',
  admin: 'u-admin',
  deactivated: 'wx-retired', // was a dispatcher and an admin, deactivated by the admin
  cppcc: 'wx-cppcc', // a CPPCC member (政协委员) the admin invited: files for the district's bound enterprises
};

/** a dispatcher of another street: to check that out-of-scope requests read like missing ones */
export const STREET_DISPATCHER = 'wx-xihu-desk';

export const openidOf = (who: string) => (who.startsWith('u-') ? devOpenid(who) : who);

export type WorldIds = {
  assigned: string; accepted: string; paused: string; resolved: string; supervised: string; closed: string; overdue: string; rejected: string;
  cardId: string; cardWorking: string; cardCoop: string; sceneE1: string; sceneE2: string; sceneOfficial: string;
  visitOpen: string; visitClosed: string; planZjj: string; planZrzy: string;
  bindingId: string; inviteCode: string; invitedId: string; retiredId: string; templateFileID: string;
  rankingId: string; e2: { name: string; creditCode: string }; e5: { name: string; creditCode: string };
  rules: unknown; messageId: string;
  /** the number (SQ…) of `assigned`: a ledger search by number */
  assignedNo: string;
  kbId: string;
  /** 并件: linked to the request under the working card */
  linked: string;
};

export type Snapshot = { bytes: Buffer; ids: WorldIds; filesDir: string; root: string; counter: number };

async function must(h: Awaited<ReturnType<typeof makeHarness>>, who: string, event: Record<string, unknown>) {
  const r = await h.fns[functionOf(event.action)](event, { openid: openidOf(who) });
  if (!r.ok) throw new Error(`world: ${who} ${String(event.action)} failed: ${r.code} ${r.message}`);
  return r.data as any;
}

/** builds the world once and returns a snapshot of its database */
export async function buildWorld(): Promise<Snapshot> {
  const root = mkdtempSync(join(tmpdir(), 'yszt-sec-'));
  const filesDir = join(root, 'files');
  const h = await makeHarness(START, { bootstrapAdminCode: BOOTSTRAP_CODE });
  h.ports.files = localFiles(filesDir);
  h.ports.qrCode = localQrCode(localFiles(filesDir), () => HARNESS_PUBLIC_BASE);
  const officer = CALLERS.officer;
  const mine = async () => {
    const { request } = await must(h, CALLERS.enterprise, submission());
    if (request.assigneeId !== officer) await must(h, CALLERS.dispatcher, { action: 'desk.reassign', id: request._id, assigneeId: officer });
    return request._id as string;
  };
  const assigned = await mine();
  const accepted = await mine();
  await must(h, officer, { action: 'request.accept', id: accepted });
  const paused = await mine();
  await must(h, officer, { action: 'request.accept', id: paused });
  await must(h, officer, { action: 'request.pause', id: paused, reason: '请补充用电设备清单' });
  // a pending 延期申请 for the dispatcher to decide
  await must(h, officer, { action: 'request.extension.ask', id: paused, date: '2026-12-04', reason: '企业补充材料后还需现场勘察' });
  const resolved = await mine();
  await must(h, officer, { action: 'request.accept', id: resolved });
  await must(h, officer, { action: 'request.resolve', id: resolved, result: '已完成增容' });
  // closed by the enterprise: for the 回访
  const closed = await mine();
  await must(h, officer, { action: 'request.accept', id: closed });
  await must(h, officer, { action: 'request.resolve', id: closed, result: '已完成增容' });
  await must(h, CALLERS.enterprise, { action: 'request.confirm', id: closed, score: 4 });
  const supervised = await mine();
  const { card } = await must(h, CALLERS.dispatcher, {
    action: 'card.issue', id: supervised, leadDeptId: 'dep-zjj', coDeptIds: ['dep-zrzy'], deadline: '2026-12-04', instructions: '请牵头答复',
  });
  // 住建局 leads and has accepted; 自然资源局 has given its opinion: progress and the final answer can follow
  // accepted and gone red (as the sweep leaves an overdue request): the enterprise may urge it (催办)
  const overdue = await mine();
  await must(h, officer, { action: 'request.accept', id: overdue });
  await h.store.collection(C.requests).update(overdue, { $set: { colour: 'red' } });
  // rejected (不予受理) as a duplicate of the first: the enterprise may object to it (申诉)
  const rejected = await mine();
  const { request: first } = await must(h, CALLERS.enterprise, { action: 'request.get', id: assigned });
  await must(h, CALLERS.dispatcher, { action: 'desk.reject', id: rejected, kind: 'duplicate', reason: '与已受理的诉求重复', duplicateOf: first.no });
  const working = await mine();
  const cardWorking = (await must(h, CALLERS.dispatcher, { action: 'card.issue', id: working, leadDeptId: 'dep-zjj', coDeptIds: ['dep-zrzy'], deadline: '2026-12-04', instructions: '请牵头答复' })).card._id;
  await must(h, CALLERS.department, { action: 'card.accept', cardId: cardWorking });
  await must(h, 'u-qianjun', { action: 'card.accept', cardId: cardWorking });
  await must(h, 'u-qianjun', { action: 'card.reply', cardId: cardWorking, reply: '无异议' });
  // 住建局 co-operates and has accepted: its opinion can follow
  const coop = await mine();
  const cardCoop = (await must(h, CALLERS.dispatcher, { action: 'card.issue', id: coop, leadDeptId: 'dep-zrzy', coDeptIds: ['dep-zjj'], deadline: '2026-12-04', instructions: '请牵头答复' })).card._id;
  await must(h, CALLERS.department, { action: 'card.accept', cardId: cardCoop });
  // 并件: linked to the request under the working card (core/desk/merge.ts); the desk may undo it
  const linked = await mine();
  await must(h, CALLERS.dispatcher, { action: 'desk.merge', mainId: working, ids: [linked] });

  const sceneE2 = (await must(h, CALLERS.enterprise, { action: 'visit.code' })).code.scene;
  const sceneE1 = (await must(h, 'u-gaopeng', { action: 'visit.code' })).code.scene;
  const visitClosed = (await must(h, CALLERS.department, { action: 'visit.checkin', scene: sceneE2, purpose: 'help' })).visit._id;
  await must(h, CALLERS.department, { action: 'visit.checkout', scene: sceneE2, outcome: '了解企业用工需求' });
  const visitOpen = (await must(h, officer, { action: 'visit.checkin', scene: sceneE2, purpose: 'help', reason: '走访了解企业用电需求' })).visit._id;
  const sceneOfficial = (await must(h, officer, { action: 'visit.officerCode' })).code.scene;
  const plan = { enterpriseId: 'e-003', items: '消防检查', legalBasis: '《中华人民共和国消防法》', from: TODAY, to: '2026-11-27' };
  const planZjj = (await must(h, CALLERS.department, { action: 'plan.create', ...plan })).plan._id;
  const planZrzy = (await must(h, 'u-qianjun', { action: 'plan.create', ...plan, items: '用地检查', legalBasis: '《土地管理法》' })).plan._id;

  const ents = h.store.collection<Enterprise>(C.enterprises);
  const e2 = (await ents.get('e-002'))!;
  const e5 = (await ents.get('e-005'))!;
  const bindingId = (await must(h, 'wx-applicant', { action: 'enterprise.bind', name: e2.name, creditCode: e2.creditCode, applicantName: '申请人' })).binding.id;

  const invited = await must(h, CALLERS.admin, { action: 'admin.staff.invite', name: '周敏', phone: '13711112222', roles: ['officer'], gridIds: ['g-dc1'] });
  const retired = await must(h, CALLERS.admin, { action: 'admin.staff.invite', name: '钱退', roles: ['dispatcher', 'admin'], orgId: 'd-yunxi' });
  await must(h, CALLERS.deactivated, { action: 'invite.redeem', code: retired.invite.code });
  await must(h, CALLERS.admin, { action: 'admin.staff.deactivate', id: retired.user.id, reason: '调离本区' });
  // a dispatcher of 西湖街道: the world's requests (东城) are outside their scope
  const xihu = await must(h, CALLERS.admin, { action: 'admin.staff.invite', name: '西湖调度', roles: ['dispatcher'], orgId: 's-xihu' });
  await must(h, STREET_DISPATCHER, { action: 'invite.redeem', code: xihu.invite.code });
  // a CPPCC member (政协委员直通车), invited like other staff
  const cppcc = await must(h, CALLERS.admin, { action: 'admin.staff.invite', name: '何建华', phone: '13711114444', roles: ['cppcc'] });
  await must(h, CALLERS.cppcc, { action: 'invite.redeem', code: cppcc.invite.code });

  const templateFileID = (await must(h, CALLERS.admin, { action: 'admin.enterprises.template' })).fileID;
  const rankingId = (await must(h, CALLERS.leader, { action: 'rankings.compute', period: 'month' }))._id;
  const rules = (await must(h, CALLERS.admin, { action: 'admin.rules.get' })).rules;
  const messageId = (await must(h, CALLERS.enterprise, { action: 'messages.list' })).items[0]?._id ?? 'none';
  // a knowledge-base entry the admin published: suggested to the enterprise, counted when it helps
  const kbId = (await must(h, CALLERS.admin, {
    action: 'kb.save', question: '新建车间用电增容怎么申请', answer: '向供电公司营业厅或网上国网App提交增容申请，附用电设备清单，10个工作日内现场勘查。', category: 'dianli',
    phrasings: ['变压器容量不够怎么办'],
  })).entry.id as string;

  const ids: WorldIds = {
    assigned, accepted, paused, resolved, supervised, closed, overdue, rejected, cardId: card._id, cardWorking, cardCoop, sceneE1, sceneE2, sceneOfficial,
    visitOpen, visitClosed, planZjj, planZrzy, bindingId, inviteCode: invited.invite.code, invitedId: invited.user.id,
    retiredId: retired.user.id, templateFileID, rankingId, rules, messageId,
    e2: { name: e2.name, creditCode: e2.creditCode }, e5: { name: e5.name, creditCode: e5.creditCode },
    assignedNo: first.no, kbId, linked,
  };
  const bytes = h.store.db.serialize();
  h.cleanup();
  return { bytes, ids, filesDir, root, counter: 0 };
}

export type Copy = {
  ports: Ports;
  fns: ReturnType<typeof createFunctions>;
  notifier: ReturnType<typeof recordingNotifier>;
  /** calls the service function as a role (or as any user id / openid) */
  call: (who: Role | string, event: Record<string, unknown>) => Promise<Envelope<any>>;
  close: () => void;
};

/** a fresh, independent copy of the world */
export function openCopy(snap: Snapshot): Copy {
  const n = ++snap.counter;
  const file = join(snap.root, `copy-${n}.db`);
  writeFileSync(file, snap.bytes);
  const store = openSqliteStore({ file, indexes: INDEXES, arrays: ARRAY_FIELDS, synchronous: 'NORMAL' });
  const notifier = recordingNotifier();
  let seq = 0;
  const ports: Ports = {
    store, clock: fakeClock(START), notifier, contentCheck: permissiveContentCheck,
    // ids that cannot collide with the world's (id1, id2, …) or another copy's
    newId: () => `k${n}x${++seq}`,
    files: localFiles(snap.filesDir),
    qrCode: localQrCode(localFiles(snap.filesDir), () => HARNESS_PUBLIC_BASE),
    config: { bootstrapAdminCode: BOOTSTRAP_CODE },
  };
  const fns = createFunctions(ports);
  const call = (who: Role | string, event: Record<string, unknown>) =>
    fns[functionOf(event.action)](event, { openid: openidOf((CALLERS as Record<string, string>)[who] ?? who) });
  return {
    ports, fns, notifier, call,
    close: () => { store.close(); for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true }); },
  };
}

export const removeWorld = (snap: Snapshot) => rmSync(snap.root, { recursive: true, force: true });

/** a valid input for every action: what the role allowed to do it would send */
export function samples(ids: WorldIds): Record<string, Record<string, unknown>> {
  const reqFields = { clientKey: 'sec-key-0001', category: 'dianli', description: '新车间用电增容两周无人联系', photos: [], phone: '13612340001' };
  return {
    me: {},
    meta: {},
    'home.todo': {},
    'enterprise.bind': { name: ids.e5.name, creditCode: ids.e5.creditCode, applicantName: '新联系人', phone: '13612349999' },
    'request.submit': { ...reqFields },
    // 代报: the officer's grid (g-dc1) holds e-001, and the liaison is its 特派员
    'request.fileFor': { ...reqFields, clientKey: 'sec-filefor-0001', enterpriseId: 'e-001' },
    'request.fileForOptions': {},
    'request.filedByMe': { tab: 'open' },
    'meeting.record': { clientKey: 'sec-meeting-0001', kind: 'tea', date: TODAY, title: '东城片区企业茶叙会', problems: [{ enterpriseId: 'e-002', category: 'dianli', description: '新车间用电增容两周无人联系', phone: '13612340001' }] },
    'request.mine': { page: 1 },
    'request.get': { id: ids.assigned },
    'request.accept': { id: ids.assigned },
    'request.progress': { id: ids.accepted, note: '已联系供电公司现场勘察' },
    'request.resolve': { id: ids.accepted, result: '已完成增容' },
    'request.confirm': { id: ids.resolved, score: 5, comment: '很及时' },
    'request.reopen': { id: ids.resolved, reason: '问题没有解决' },
    'request.pause': { id: ids.accepted, reason: '请补充用电设备清单' },
    'request.resume': { id: ids.paused, note: '材料已收到' },
    'request.supplement': { id: ids.paused, note: '设备清单已补充' },
    'request.urge': { id: ids.overdue },
    'request.appeal': { id: ids.rejected, reason: '我们反映的是另一处线路问题，并非重复' },
    'request.note': { id: ids.accepted, note: '设备已到货，等通电后即可投产' },
    'kb.suggest': { text: '我们车间用电要增容，怎么申请' },
    'kb.helped': { entryId: ids.kbId, clientKey: 'sec-helped-0001', text: '车间用电增容' },
    'kb.list': { page: 1 },
    'kb.save': { id: ids.kbId, question: '新建车间用电增容如何申请', answer: '向供电公司营业厅或网上国网App提交增容申请，附用电设备清单。', category: 'dianli' },
    'kb.remove': { id: ids.kbId },
    'items.suggest': { text: '车间变压器不够用要增容' },
    'items.triage': { id: ids.assigned },
    'items.list': { page: 1 },
    'items.save': { id: 'ri-018', name: '高压新装及增容', category: 'dianli', tier: 'district', deadlineClass: 'normal', owner: '国网云溪供电中心' },
    'items.remove': { id: 'ri-018' },
    'officer.inbox': { tab: 'todo' },
    'desk.options': {},
    'desk.verify': { id: ids.assigned, level: 'complex', category: 'dianli' },
    'desk.reject': { id: ids.assigned, kind: 'duplicate', reason: '与其他诉求重复' },
    'desk.reassign': { id: ids.assigned, assigneeId: 'u-wangfang', note: '熟悉供电业务' },
    'desk.escalate': { id: ids.assigned, reason: '涉及多个社区' },
    'desk.refer': { id: ids.assigned, reason: '反映吃拿卡要问题' },
    'desk.merge': { mainId: ids.assigned, ids: [ids.accepted] },
    'desk.unmerge': { id: ids.linked },
    'desk.duplicates': {},
    'desk.notDuplicate': { id: ids.assigned, of: [ids.accepted] },
    'card.issue': { id: ids.assigned, leadDeptId: 'dep-zjj', coDeptIds: ['dep-zrzy'], deadline: '2026-12-04', instructions: '请牵头答复' },
    'card.list': { tab: 'todo' },
    'card.get': { cardId: ids.cardId },
    'card.accept': { cardId: ids.cardId },
    'card.reply': { cardId: ids.cardCoop, reply: '已明确办理路径' },
    'card.progress': { cardId: ids.cardWorking, note: '已现场核查' },
    'card.final': { cardId: ids.cardWorking, answer: '已明确办理路径', confirm: true },
    'card.urge': { cardId: ids.cardId, deptId: 'dep-zrzy', note: '请尽快接收' },
    'card.deadline': { cardId: ids.cardId, deadline: '2026-12-11', reason: '需等待规划审议' },
    'card.withdraw': { cardId: ids.cardId, reason: '重新调度' },
    'card.closeParty': { cardId: ids.cardId, deptId: 'dep-zrzy', reason: '不需协办' },
    'request.handBack': { id: ids.assigned, reason: '该企业不在本网格，请改派' },
    'request.extension.ask': { id: ids.accepted, date: '2026-12-04', reason: '需等待供电公司现场勘察' },
    'desk.extension.decide': { id: ids.paused, approve: true },
    'callback.record': { id: ids.closed, method: 'call', outcome: 'unsatisfied', note: '企业反映问题仍未解决' },
    'card.return': { cardId: ids.cardId, reason: '非本部门职责' },
    'ledger.list': { colour: 'green', page: 1, pageSize: 20 },
    'enterprise.unbind': {},
    'enterprise.contacts': {},
    'binding.list': { tab: 'pending' },
    'binding.approve': { id: ids.bindingId },
    'binding.reject': { id: ids.bindingId, reason: '不是本企业员工' },
    'invite.redeem': { code: ids.inviteCode },
    'admin.overview': {},
    'admin.orgs.list': {},
    'admin.orgs.create': { kind: 'grid', name: '东城三网格', parentId: 'c-dongcheng' },
    'admin.orgs.update': { id: 'g-la1', name: '柳岸第一网格' },
    'admin.orgs.retire': { id: 'dep-zrzy', reason: '机构改革' },
    'admin.orgs.restore': { id: 'dep-zrzy' },
    'admin.staff.list': { role: 'officer' },
    'admin.staff.invite': { name: '吴敏', phone: '13711113333', roles: ['officer'], gridIds: ['g-dc2'], capacity: 8 },
    'admin.staff.update': { id: 'u-lina', phone: '13800019999' },
    'admin.staff.deactivate': { id: 'u-lina', reason: '调离本区' },
    'admin.staff.activate': { id: ids.retiredId },
    'admin.staff.reinvite': { id: ids.invitedId },
    'admin.enterprises.list': { page: 1 },
    'admin.enterprises.save': { name: '云溪新设科技有限公司', creditCode: makeCreditCode(901), gridId: 'g-dc1' },
    'admin.enterprises.template': {},
    'admin.enterprises.import': { fileID: ids.templateFileID },
    'admin.enterprises.importErrors': { fileID: ids.templateFileID },
    'hotline.import': { fileID: ids.templateFileID },
    'kb.template': {},
    'kb.import': { fileID: ids.templateFileID },
    'items.template': {},
    'items.import': { fileID: ids.templateFileID },
    'admin.stewardship.set': { enterpriseId: 'e-002', liaisonId: 'u-zhouqiang', leaderId: 'u-majianguo', departmentId: 'dep-zrzy' },
    'admin.rules.get': {},
    'admin.rules.save': { version: 0, rules: ids.rules },
    'admin.audit.list': { page: 1 },
    'system.warnings': {},
    'ledger.export': { colour: 'green' },
    'stats.dashboard': { period: 'month' },
    'stats.verify': {},
    'rankings.compute': { period: 'month' },
    'rankings.list': {},
    'rankings.get': { id: ids.rankingId },
    'rankings.settings': {},
    'rankings.configure': { minCases: 3 },
    'briefing.view': { period: 'month' },
    'briefing.generate': { period: 'month' },
    'messages.list': { page: 1 },
    'messages.read': { all: true },
    'notify.settings': {},
    'notify.consent': { results: { 'demo-newAssignment': 'accept', 'demo-statusChanged': 'reject' }, source: 'request' },
    'notify.smsOptIn': { optIn: false },
    'desk.reach': { days: 30 },
    'stats.notify': { period: 'month' },
    'visit.code': { enterpriseId: 'e-002' },
    'visit.poster': { enterpriseId: 'e-002' },
    'visit.scan': { scene: ids.sceneE2 },
    'visit.checkin': { scene: ids.sceneE1, purpose: 'help', reason: '走访了解企业需求' },
    'visit.join': { scene: ids.sceneE2 },
    'visit.checkout': { scene: ids.sceneE2, outcome: '了解企业用工需求' },
    'visit.lateRegister': {
      scene: ids.sceneE1, purpose: 'inspection', legalBasis: '《安全生产法》', approvalRef: 'BA-2026-001',
      startedAt: '2026-11-23T01:00:00Z', lateReason: '突发险情须立即处置',
    },
    'visit.current': {},
    'visit.fileRequest': { ...reqFields, clientKey: 'sec-visit-0001', visitId: ids.visitOpen },
    'visit.score': { visitId: ids.visitClosed, score: 5, comment: '很专业' },
    'visit.complain': { visitId: ids.visitClosed, text: '检查人员态度生硬' },
    'visit.mine': { page: 1 },
    'visit.get': { id: ids.visitClosed },
    'visit.list': { page: 1 },
    'visit.figures': {},
    'visit.options': {},
    'visit.officerCode': {},
    'visit.checkOfficer': { scene: ids.sceneOfficial },
    'plan.create': { enterpriseId: 'e-004', items: '燃气安全检查', legalBasis: '《城镇燃气管理条例》', from: TODAY, to: '2026-11-25' },
    'plan.list': {},
    'plan.proposals': {},
    'plan.merge': { planIds: [ids.planZjj, ids.planZrzy] },
    'plan.cancel': { id: ids.planZjj, reason: '改期' },
  };
}

/**
 * Optional fields of each action, with a valid value: the fuzzer adds them to the sample input
 * (and then drops, mutates or replaces them like any other field).
 */
export function optionalFields(ids: WorldIds): Record<string, Record<string, unknown>> {
  const LOC = { latitude: 30.2741, longitude: 120.1551, accuracy: 20 };
  const page = { page: 1, pageSize: 20 };
  const ledger = {
    tier: 'community', departmentId: 'dep-zjj', category: 'dianli', channel: 'self', status: 'assigned', assigneeId: 'u-zhangwei',
    from: '2026-11-01', to: TODAY,
  };
  return {
    'request.submit': { itemId: 'ri-018' },
    'request.fileForOptions': { q: '精密' },
    'request.filedByMe': { page: 1, pageSize: 20 },
    'request.mine': { ...page, tab: 'overdue' },
    'officer.inbox': page,
    'desk.verify': { level: 'special', dueDate: '2026-12-10' },
    'desk.merge': { note: '同一路口路灯问题' },
    'desk.unmerge': { reason: '经核实不是同一问题' },
    'card.list': { page: 1 },
    // the searches: an enterprise by the start of its name and a word; a number
    'ledger.list': { ...ledger, callback: 'due', figure: 'overdue', centerId: 'c-dongcheng', q: '东城新材料 增容' },
    'ledger.export': { ...ledger, figure: 'done', centerId: 'c-dongcheng', q: ids.assignedNo },
    'enterprise.unbind': { userId: 'u-linxiao' },
    'admin.orgs.create': { communityIds: ['c-chaoyang'] },
    'admin.orgs.update': { parentId: 'c-liuan', communityIds: ['c-xihu'] },
    'admin.staff.list': { q: '张', includeInactive: true, page: 1 },
    'admin.staff.invite': { departmentId: 'dep-zjj', orgId: 'd-yunxi' },
    'admin.staff.update': { name: '李娜娜', roles: ['officer', 'liaison'], gridIds: ['g-dc2', 'g-cy1'], departmentId: 'dep-zrzy', orgId: 's-dongcheng', capacity: 12, onDuty: false },
    'admin.enterprises.list': { q: '云溪', gridId: 'g-dc1' },
    'admin.enterprises.save': { id: 'e-006', address: '东城路1号', industry: '软件信息', scale: '小型', contactName: '张三', contactPhone: '13800000000', location: { latitude: 30.2776, longitude: 120.1633 } },
    'admin.enterprises.import': { confirm: true },
    'admin.audit.list': { entity: 'user' },
    'kb.list': { q: '增容', inactive: false },
    'kb.save': { departmentId: 'dep-zjj', phrasings: ['增容流程'], validFrom: '2026-01-01', validTo: '2026-12-31' },
    'kb.remove': { restore: true },
    'items.list': { q: '增容', inactive: false },
    'items.save': { keywords: ['增容'], phrasings: ['变压器不够用'], departmentId: 'dep-zjj', legalBasis: '《电力供应与使用条例》' },
    'items.remove': { restore: true },
    'stats.dashboard': { key: '2026-11', tier: 'street', departmentId: 'dep-zjj', from: '2026-11-01', to: TODAY },
    'rankings.compute': { key: '2026-11' },
    'rankings.configure': { weights: { onTime: 40, satisfaction: 30, reopen: 10, overdue: 10, urges: 10 }, red: { minScore: 80, maxSize: 5 }, yellow: { onTimeBelow: 0.8, maxSize: 5 } },
    'briefing.view': { key: '2026-11' },
    'briefing.generate': { key: '2026-Q4', period: 'quarter' },
    'messages.list': { page: 1 },
    'messages.read': { id: ids.messageId },
    'visit.code': { renew: true },
    'visit.poster': {},
    'visit.checkin': { note: '了解用电需求', approvalRef: 'BA-1', legalBasis: '《安全生产法》', requestId: ids.assigned, planId: ids.planZjj, location: LOC, locationError: '未授权获取位置信息' },
    'visit.join': { location: LOC, locationError: '定位失败' },
    'visit.checkout': {
      visitId: ids.visitOpen, location: LOC, locationError: '定位失败',
      problems: { clientKey: 'sec-visit-0002', category: 'dianli', description: '新车间用电增容两周无人联系', photos: [], phone: '13612340001' },
    },
    'visit.lateRegister': { note: '夜间险情', reason: '紧急', requestId: ids.assigned, location: LOC, locationError: '定位失败' },
    'card.issue': { confirmRecusal: true },
    'card.urge': { note: '请尽快接收' },
    'desk.extension.decide': { note: '同意延期' },
    'callback.record': { note: '企业反映问题仍未解决' },
    'visit.mine': { pageSize: 20 },
    'visit.list': { mine: true, flagged: true, flag: 'over_cap', red: true, status: 'open', purpose: 'help', deptId: 'dep-zjj', enterpriseId: 'e-002', from: '2026-11-01', to: TODAY, ...page },
    'visit.figures': { from: '2026-11-01', to: TODAY, mine: false },
    'visit.officerCode': { renew: true },
    'plan.create': { approvalRef: 'BA-2026-002' },
    'plan.list': { status: 'planned', ...page },
  };
}
