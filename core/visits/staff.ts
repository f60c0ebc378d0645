/**
 * Who visits and who supervises. Visiting staff are anyone with a staff role; their "department"
 * on a visit is their functional department, or the grid officers / liaisons / center they
 * belong to. Supervisors (dispatchers in scope, leaders, admins) are the only ones who see
 * who scored or complained.
 */
import type { Role } from '../catalog';
import { C } from '../collections';
import { hasRole } from '../context';
import { AppError } from '../errors';
import { allOrgs, orgScope } from '../desk/scope';
import type { Enterprise, Org, User } from '../model';
import type { Ports } from '../ports';

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

export async function visitorDept(ports: Ports, u: User): Promise<{ deptId: string; deptName: string }> {
  const orgs = ports.store.collection<Org>(C.orgs);
  if (u.departmentId) {
    const d = await orgs.get(u.departmentId);
    if (d) return { deptId: d._id, deptName: d.name };
  }
  if (hasRole(u, 'officer')) return { deptId: 'officers', deptName: '网格员' };
  if (hasRole(u, 'liaison')) return { deptId: 'liaisons', deptName: '企业特派员' };
  const org = u.orgId ? await orgs.get(u.orgId) : null;
  if (hasRole(u, 'dispatcher')) return { deptId: org?._id ?? 'center', deptName: `${org?.name ?? ''}营商环境优化中心` };
  return { deptId: org?._id ?? 'leaders', deptName: `${org?.name ?? ''}领导` };
}

/** grids a dispatcher supervises (null: all, for leaders and admins) */
export async function gridsInScope(ports: Ports, u: User): Promise<string[] | null> {
  if (hasRole(u, 'leader', 'admin')) return null;
  const scope = await orgScope(ports, u);
  const grids = await ports.store.collection<Org>(C.orgs).find({ kind: 'grid' }, { limit: 100 });
  return grids.filter((g) => g.parentId && scope.has(g.parentId)).map((g) => g._id);
}

/** may this user supervise visits to enterprises of this grid */
export async function supervisesGrid(ports: Ports, u: User, gridId: string): Promise<boolean> {
  if (!isSupervisor(u)) return false;
  const grids = await gridsInScope(ports, u);
  return grids === null || grids.includes(gridId);
}

/** dispatchers of the enterprise's community, street and district centers */
export async function supervisorsOfGrid(ports: Ports, gridId: string): Promise<string[]> {
  const orgs = await allOrgs(ports);
  const grid = await ports.store.collection<Org>(C.orgs).get(gridId);
  const chain: string[] = [];
  for (let id: string | null = grid?.parentId ?? null; id; id = orgs.find((o) => o._id === id)?.parentId ?? null) chain.push(id);
  if (!chain.length) return [];
  const users = await ports.store.collection<User>(C.users).find({ roles: { $all: ['dispatcher'] }, active: true, orgId: { $in: chain } }, { limit: 50 });
  return users.map((u) => u._id);
}

export async function districtOrg(ports: Ports): Promise<Org> {
  const [d] = await ports.store.collection<Org>(C.orgs).find({ kind: 'district' }, { limit: 1 });
  if (!d) throw new AppError('INTERNAL', '未配置区级组织');
  return d;
}

/** the enterprise's bound contacts who can still sign in */
export async function contactsOf(ports: Ports, ent: Enterprise): Promise<User[]> {
  if (!ent.contactIds.length) return [];
  const users = await ports.store.collection<User>(C.users).find({ _id: { $in: ent.contactIds }, active: true }, { limit: 20 });
  return users.filter((u) => u.enterpriseId === ent._id);
}

export async function handlersOfDept(ports: Ports, deptId: string): Promise<string[]> {
  const users = await ports.store.collection<User>(C.users).find({ roles: { $all: ['department'] }, active: true, departmentId: deptId }, { limit: 50 });
  return users.map((u) => u._id);
}
