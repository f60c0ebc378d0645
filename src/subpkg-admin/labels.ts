import type { AuditEntity, OrgKind, StaffRole } from './types';

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  district: '区（县）',
  street: '街道（乡镇）',
  community: '社区（村）',
  grid: '网格',
  department: '部门',
};

/** the parent kind each org kind hangs under (null: the district is the root) */
export const PARENT_KIND: Record<OrgKind, OrgKind | null> = {
  district: null,
  street: 'district',
  community: 'street',
  grid: 'community',
  department: 'district',
};

export const STAFF_ROLES: { value: StaffRole; label: string }[] = [
  { value: 'officer', label: '网格员' },
  { value: 'liaison', label: '特派员' },
  { value: 'department', label: '部门承办人' },
  { value: 'dispatcher', label: '调度员' },
  { value: 'leader', label: '领导' },
  { value: 'admin', label: '管理员' },
  // 政协委员直通车: files for the district's enterprises and follows what it filed; no grid, department or center
  { value: 'cppcc', label: '政协委员' },
];

export const ENTITY_LABELS: Record<AuditEntity, string> = {
  org: '组织',
  user: '人员',
  enterprise: '企业',
  rules: '规则',
  binding: '企业绑定',
  auth: '登录与账号',
  kb: '知识库',
  item: '事项清单',
  request: '诉求',
};

export const SCALES = ['大型', '中型', '小型', '微型'];

/** routes inside the admin subpackage */
export const ADMIN = {
  home: '/subpkg-admin/index/index',
  orgs: '/subpkg-admin/orgs/index',
  staff: '/subpkg-admin/staff/index',
  enterprises: '/subpkg-admin/enterprises/index',
  import: '/subpkg-admin/import/index',
  rules: '/subpkg-admin/rules/index',
  audit: '/subpkg-admin/audit/index',
  kb: '/subpkg-admin/kb/index',
  items: '/subpkg-admin/items/index',
};
