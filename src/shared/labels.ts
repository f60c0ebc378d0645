import type { RequestStatus, Role } from './api-types';

export const ROLE_LABELS: Record<Role, string> = {
  enterprise: '企业用户',
  officer: '网格员',
  liaison: '特派员',
  department: '部门承办人',
  dispatcher: '调度员',
  leader: '领导',
  admin: '管理员',
};

/** Fallback when `meta` has not loaded; the backend's `meta.statuses` wins. */
export const STATUS_LABELS: Record<RequestStatus, string> = {
  queued: '待分派',
  assigned: '待签收',
  accepted: '办理中',
  resolved: '待评价',
  closed: '已办结',
};

export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;

/** Roles that handle requests in the officer sub-package. */
export const isHandler = (roles: readonly string[]) => roles.includes('officer') || roles.includes('liaison');
