/**
 * Recusal (回避): a complaint about officials (a visit complaint, channel report) names the people
 * it is about and their departments on the request (`recusal`, internal). Those people:
 *  - are never given it: assignment skips them, the dispatcher cannot reassign it to them;
 *  - never see it: request.get answers NOT_FOUND, it is left out of every list they read (ledger,
 *    cards), they are not notified of it, and they cannot act on it from the desk;
 *  - their departments get it only when the dispatcher confirms (the card form's warning).
 * The enterprise never sees `recusal` (enterpriseView strips it).
 */
import type { Recusal, ServiceRequest } from './model';
import type { Ports } from './ports';
import { PURPOSES, type Visit } from './visits/model';
import { requestRepo } from './repos/requests';
import { userRepo } from './repos/users';

/** is this user one the request is about, who must not handle or see it */
export const isRecused = (req: Pick<ServiceRequest, 'recusal'>, userId: string): boolean =>
  !!req.recusal && req.recusal.userIds.includes(userId);

/**
 * The recusal of a complaint about a visit: every official who checked in or joined, and their
 * departments (User.departmentId). One read.
 */
export async function recusalOfVisit(ports: Ports, visit: Visit): Promise<Recusal | null> {
  const members = visit.members;
  if (!members.length) return null;
  const ids = [...new Set(members.map((m) => m.userId))];
  const byId = await userRepo(ports.store).getMany(ids);
  const deptIds: string[] = [];
  for (const id of ids) {
    // a functional department (a liaison may have one too); grid officers and centers have none
    const dept = byId.get(id)?.departmentId;
    if (dept && !deptIds.includes(dept)) deptIds.push(dept);
  }
  // who, grouped by the department they visited for: "区住房和城乡建设局 冯玉；网格员 张伟"
  const groups = new Map<string, string[]>();
  for (const m of members) {
    const names = groups.get(m.deptName) ?? [];
    if (!names.includes(m.name)) names.push(m.name);
    groups.set(m.deptName, names);
  }
  const who = [...groups].map(([dept, names]) => `${dept} ${names.join('、')}`).join('；');
  return {
    userIds: ids,
    userNames: ids.map((id) => members.find((m) => m.userId === id)!.name),
    deptIds,
    reason: `投诉对象：${who}（公务入企 ${visit.no}，${PURPOSES[visit.purpose]}）`,
  };
}

/** what the desk timeline says when a complaint about a visit is created with its recusal (an internal event) */
export function recusalText(r: Recusal, visit: Visit): string {
  // the department's name as the visit recorded it (a member visits for their own department)
  const deptNames = r.deptIds.map((d) => visit.members.find((m) => m.deptId === d)?.deptName ?? d);
  const depts = deptNames.length ? `；下发督办卡至 ${deptNames.join('、')} 须调度员确认` : '';
  return `回避提示：${r.reason}。${r.userNames.join('、')} 不得承办、看不到本件${depts}`;
}

/** ids of the requests that recuse this user (few: complaints about them), to leave out of their lists */
export async function requestsRecusing(ports: Ports, userId: string): Promise<string[]> {
  const found = await requestRepo(ports.store).recusing(userId, 2_000);
  return found.map((r) => r._id);
}
