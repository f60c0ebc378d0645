/**
 * Who visits and who supervises. Visiting staff are anyone with a staff role; their "department"
 * on a visit is their functional department, or the grid officers / liaisons / center they
 * belong to. Supervisors (dispatchers in scope, leaders, admins) are the only ones who see
 * who scored or complained.
 */
import type { Role } from '../contract/catalog';
import { hasRole } from '../context';
import { AppError } from '../errors';
import { centerScope, chainUp } from '../desk/scope';
import type { Enterprise, Org, User } from '../model';
import type { Ports } from '../ports';
import { userRepo } from '../repos/users';
import { orgRepo } from '../repos/orgs';
import { orgById } from '../org-cache';

export const VISIT_STAFF: Role[] = ['officer', 'liaison', 'department', 'dispatcher', 'leader'];

export const isVisitStaff = (u: User) => u.active && hasRole(u, ...VISIT_STAFF);
export const isSupervisor = (u: User) => u.active && hasRole(u, 'dispatcher', 'leader', 'admin');

export function requireVisitStaff(u: User) {
  if (!u.active) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员');
  if (!hasRole(u, ...VISIT_STAFF)) throw new AppError('FORBIDDEN', '仅公职人员可扫码入企备案');
}

/** the role a visitor acts in, most specific first */
export function visitRole(u: User): Role {
  return (['department', 'officer', 'liaison', 'dispatcher', 'leader'] as Role[]).find((r) => u.roles.includes(r)) ?? u.roles[0];
}

/** the group every grid officer's visits count under (figures name it 网格员) */
export const OFFICERS = 'officers';

/** an officer's grids by name, two at most ("东城一网格、东城二网格"; "…等" beyond) */
async function gridNames(ports: Ports, u: User): Promise<string> {
  const ids = u.gridIds ?? [];
  const names: string[] = [];
  for (const id of ids.slice(0, 2)) {
    const g = await orgById(ports, id);
    if (g) names.push(g.name);
  }
  return names.join('、') + (ids.length > 2 ? '等' : '');
}

export async function visitorDept(ports: Ports, u: User): Promise<{ deptId: string; deptName: string }> {
  const orgs = orgRepo(ports.store);
  if (u.departmentId) {
    const d = await orgs.get(u.departmentId);
    if (d) return { deptId: d._id, deptName: d.name };
  }
  // a grid officer's unit is its grid (the visit card's title names units, not roles); all officers
  // stay one group, 'officers', for the figures and the 无事不扰 counting
  if (hasRole(u, 'officer')) return { deptId: OFFICERS, deptName: (await gridNames(ports, u)) || '网格员' };
  if (hasRole(u, 'liaison')) return { deptId: 'liaisons', deptName: '企业特派员' };
  const org = u.orgId ? await orgs.get(u.orgId) : null;
  if (hasRole(u, 'dispatcher')) return { deptId: org?._id ?? 'center', deptName: `${org?.name ?? ''}营商环境优化中心` };
  return { deptId: org?._id ?? 'leaders', deptName: `${org?.name ?? ''}领导` };
}

/**
 * Grids a dispatcher supervises (null: all, for leaders, admins and the district's dispatchers).
 * Read by parent, so a street dispatcher costs its centers (~3 calls) and the grids of its
 * communities (1–2 calls), not the whole district's ~1,000 grids.
 */
export async function gridsInScope(ports: Ports, u: User): Promise<string[] | null> {
  if (hasRole(u, 'leader', 'admin')) return null;
  const scope = await centerScope(ports, u);
  if (!scope) return null;
  const centers = [...scope];
  const grids: string[] = [];
  for (let i = 0; i < centers.length; i += 100) {
    const page = await orgRepo(ports.store).childrenOf(centers.slice(i, i + 100), ['grid'], '网格');
    grids.push(...page.map((g) => g._id));
  }
  return grids;
}

/** may this user supervise visits to enterprises of this grid */
export async function supervisesGrid(ports: Ports, u: User, gridId: string): Promise<boolean> {
  if (!isSupervisor(u)) return false;
  if (hasRole(u, 'leader', 'admin')) return true;
  // one grid: walk up from it (≤ 4 gets) instead of listing the scope's grids
  const chain = await chainUp(ports, gridId);
  if (chain[0]?.kind !== 'grid') return false;
  return u.orgId ? chain.some((o) => o._id === u.orgId) : chain.some((o) => o.kind === 'district');
}

/** dispatchers of the enterprise's community, street and district centers: the grid's chain (≤ 4 gets) and 1 find */
export async function supervisorsOfGrid(ports: Ports, gridId: string): Promise<string[]> {
  const chain = (await chainUp(ports, gridId)).filter((o) => o._id !== gridId).map((o) => o._id);
  if (!chain.length) return [];
  const users = await userRepo(ports.store).dispatchersAt(chain);
  return users.map((u) => u._id);
}

export async function districtOrg(ports: Ports): Promise<Org> {
  const d = await orgRepo(ports.store).district();
  if (!d) throw new AppError('INTERNAL', '未配置区级组织');
  return d;
}

/** the enterprise's bound contacts who can still sign in */
export async function contactsOf(ports: Ports, ent: Enterprise): Promise<User[]> {
  if (!ent.contactIds.length) return [];
  const users = await userRepo(ports.store).activeAmong(ent.contactIds, 20);
  return users.filter((u) => u.enterpriseId === ent._id);
}

export async function handlersOfDept(ports: Ports, deptId: string): Promise<string[]> {
  const users = await userRepo(ports.store).departmentStaff([deptId]);
  return users.map((u) => u._id);
}
