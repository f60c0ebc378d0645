/**
 * The district's own structure: district → streets → communities → grids, and departments under
 * the district. Rename, move and retire — never delete, because requests and people refer to them.
 */
import { forgetOrgs } from '../org-cache';
import { Ctx, newId, requireRole } from '../context';
import { AppError } from '../errors';
import type { Org, OrgKind } from '../model';
import { parseInput } from '../validation';
import { IdInput, OrgCreateInput, OrgRetireInput, OrgUpdateInput } from '../contract/admin';
import type { Sent } from '../contract/schema';
import { audit } from './audit';
import { orgRepo } from '../repos/orgs';

const KIND_LABEL: Record<OrgKind, string> = { district: '区（县）', street: '街道（乡镇）', community: '社区（村）', grid: '网格', department: '部门' };
/** which kind each kind hangs under */
const PARENT_KIND: Record<OrgKind, OrgKind | null> = { district: null, street: 'district', community: 'street', grid: 'community', department: 'district' };

export const view = (o: Org) => ({ id: o._id, kind: o.kind, name: o.name, parentId: o.parentId, communityIds: o.communityIds, active: o.active, retiredReason: o.retiredReason ?? null });

async function all(ctx: Ctx): Promise<Org[]> {
  const orgs = orgRepo(ctx.ports.store);
  const out: Org[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await orgs.pageByKindName(skip, 100);
    out.push(...page);
    if (page.length < 100) return out;
  }
}

export async function listOrgs(ctx: Ctx) {
  requireRole(ctx.user, 'admin');
  return { orgs: (await all(ctx)).map(view) };
}

async function checkParent(ctx: Ctx, kind: OrgKind, parentId: string | null, selfId?: string): Promise<Org | null> {
  const want = PARENT_KIND[kind];
  if (!want) {
    if (parentId) throw new AppError('VALIDATION_FAILED', '区（县）是最高一级，不能设置上级', [{ field: 'parentId', message: '区（县）不能设置上级' }]);
    return null;
  }
  const parent = parentId ? await orgRepo(ctx.ports.store).get(parentId) : null;
  if (!parent || parent.kind !== want || !parent.active || parent._id === selfId) {
    throw new AppError('VALIDATION_FAILED', `${KIND_LABEL[kind]}的上级应为在用的${KIND_LABEL[want]}`, [{ field: 'parentId', message: `请选择上级${KIND_LABEL[want]}` }]);
  }
  return parent;
}

async function checkCommunities(ctx: Ctx, ids: string[], parentId: string | null): Promise<string[]> {
  const list = [...new Set([...(parentId ? [parentId] : []), ...ids])];
  for (const id of list) {
    const c = await orgRepo(ctx.ports.store).get(id);
    if (!c || c.kind !== 'community' || !c.active) throw new AppError('VALIDATION_FAILED', '网格覆盖的社区不存在或已撤销', [{ field: 'communityIds', message: '请选择在用的社区' }]);
  }
  return list;
}

export async function createOrg(ctx: Ctx, input: Sent<typeof OrgCreateInput>) {
  requireRole(ctx.user, 'admin');
  const { kind, name, parentId, communityIds } = parseInput(OrgCreateInput, input);
  const orgs = orgRepo(ctx.ports.store);
  if (kind === 'district' && (await orgs.countActiveDistricts()) > 0) {
    throw new AppError('INVALID_STATE', '本系统已有区（县）组织，一个部署只服务一个区（县）');
  }
  await checkParent(ctx, kind, parentId);
  if (await orgs.siblingNamed(kind, parentId ?? null, name)) throw new AppError('VALIDATION_FAILED', `同一上级下已有名为“${name}”的${KIND_LABEL[kind]}`, [{ field: 'name', message: '名称重复' }]);
  const org: Org = {
    _id: `${kind.slice(0, 1)}-${newId(ctx.ports)}`, kind, name, parentId: parentId ?? null, active: true,
    ...(kind === 'grid' ? { communityIds: await checkCommunities(ctx, communityIds, parentId) } : {}),
  };
  await orgs.add(org);
  forgetOrgs(ctx.ports);
  await audit(ctx, 'org.create', 'org', org._id, `新建${KIND_LABEL[kind]}“${name}”`, null, org);
  return { org: view(org) };
}

export async function updateOrg(ctx: Ctx, input: Sent<typeof OrgUpdateInput>) {
  requireRole(ctx.user, 'admin');
  const { id, name, parentId, communityIds } = parseInput(OrgUpdateInput, input);
  if (name === undefined && parentId === undefined && communityIds === undefined) {
    const message = '没有要修改的内容：请修改名称、上级或覆盖社区中的一项';
    throw new AppError('VALIDATION_FAILED', message, [{ field: '(输入)', message }]);
  }
  const orgs = orgRepo(ctx.ports.store);
  const before = await orgs.get(id);
  if (!before) throw new AppError('NOT_FOUND', '未找到该组织');
  const set: Partial<Org> = {};
  if (name && name !== before.name) set.name = name;
  if (parentId && parentId !== before.parentId) {
    await checkParent(ctx, before.kind, parentId, id);
    set.parentId = parentId;
  }
  // a new name, or a new parent, must not give two siblings of one kind the same name (as create refuses)
  if (set.name || set.parentId) {
    const named = set.name ?? before.name;
    const twin = await orgs.siblingNamed(before.kind, set.parentId ?? before.parentId ?? null, named);
    if (twin && twin._id !== id) throw new AppError('VALIDATION_FAILED', `同一上级下已有名为“${named}”的${KIND_LABEL[before.kind]}`, [{ field: 'name', message: '名称重复' }]);
  }
  // a grid moved to another community no longer covers the one it left, unless the admin lists it
  const covered = communityIds ?? (before.communityIds ?? []).filter((c) => !set.parentId || c !== before.parentId);
  if (before.kind === 'grid' && (communityIds || set.parentId)) set.communityIds = await checkCommunities(ctx, covered, set.parentId ?? before.parentId);
  if (!Object.keys(set).length) return { org: view(before) };
  await orgs.update(id, { $set: set });
  forgetOrgs(ctx.ports);
  const after = (await orgs.get(id))!;
  const what = [set.name && `更名为“${set.name}”`, set.parentId && '调整上级', set.communityIds && '调整覆盖社区'].filter(Boolean).join('，');
  await audit(ctx, 'org.update', 'org', id, `${KIND_LABEL[before.kind]}“${before.name}”${what}`, before, after);
  return { org: view(after) };
}

export async function retireOrg(ctx: Ctx, input: Sent<typeof OrgRetireInput>) {
  requireRole(ctx.user, 'admin');
  const { id, reason } = parseInput(OrgRetireInput, input);
  const orgs = orgRepo(ctx.ports.store);
  const before = await orgs.get(id);
  if (!before) throw new AppError('NOT_FOUND', '未找到该组织');
  if (!before.active) throw new AppError('INVALID_STATE', '该组织已撤销');
  if ((await orgs.countActiveChildren(id)) > 0) throw new AppError('INVALID_STATE', '请先撤销或调整其下级组织');
  await orgs.update(id, { $set: { active: false, retiredReason: reason } });
  forgetOrgs(ctx.ports);
  const after = (await orgs.get(id))!;
  await audit(ctx, 'org.retire', 'org', id, `撤销${KIND_LABEL[before.kind]}“${before.name}”：${reason}`, before, after);
  return { org: view(after) };
}

export async function restoreOrg(ctx: Ctx, input: Sent<typeof IdInput>) {
  requireRole(ctx.user, 'admin');
  const { id } = parseInput(IdInput, input);
  const orgs = orgRepo(ctx.ports.store);
  const before = await orgs.get(id);
  if (!before) throw new AppError('NOT_FOUND', '未找到该组织');
  if (before.active) return { org: view(before) };
  if (before.parentId) await checkParent(ctx, before.kind, before.parentId, id);
  await orgs.update(id, { $set: { active: true, retiredReason: null } });
  forgetOrgs(ctx.ports);
  const after = (await orgs.get(id))!;
  await audit(ctx, 'org.restore', 'org', id, `恢复${KIND_LABEL[before.kind]}“${before.name}”`, before, after);
  return { org: view(after) };
}
