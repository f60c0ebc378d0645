import type { Colour, Level, PartyStatus, RejectKind, RequestStatus, Role, Tier } from './api-types';

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
  dispatch: '待调度',
  queued: '待分派',
  assigned: '待签收',
  accepted: '办理中',
  paused: '待补充材料',
  supervised: '督办中',
  resolved: '待评价',
  closed: '已办结',
  rejected: '不予受理',
};

/** Fallbacks for the newer `meta` maps (levels, colours, reject kinds, channels). */
export const LEVEL_LABELS: Record<Level, string> = { general: '一般', complex: '复杂', special: '特殊' };
export const COLOUR_LABELS: Record<Colour, string> = { white: '未开始', green: '正常', yellow: '临期', red: '超期' };
export const REJECT_KIND_LABELS: Record<RejectKind, string> = {
  invalid: '无效诉求',
  duplicate: '重复诉求',
  out_of_scope: '不属于受理范围',
};
export const CHANNEL_LABELS: Record<string, string> = {
  self: '小程序自主上报',
  visit: '走访代报',
  liaison: '特派员代报',
  cppcc: '政协委员直通车',
  hotline: '12345热线',
  meeting: '茶叙会/企业家日',
  report: '线上举报',
};
export const TIER_LABELS: Record<Tier, string> = { community: '社区', street: '街道', district: '区' };
/** 提级: the next tier up */
export const NEXT_TIER: Record<Tier, Tier | null> = { community: 'street', street: 'district', district: null };

export const CARD_STATUS_LABELS: Record<'open' | 'answered' | 'returned', string> = {
  open: '督办中',
  answered: '已答复',
  returned: '已退回',
};
export const PARTY_STATUS_LABELS: Record<PartyStatus, string> = {
  issued: '待接收',
  accepted: '办理中',
  replied: '已答复',
  returned: '已退回',
};
export const PARTY_ROLE_LABELS: Record<'lead' | 'co', string> = { lead: '牵头', co: '协办' };

export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;

/** Roles that handle requests in the officer sub-package. */
export const isHandler = (roles: readonly string[]) => roles.includes('officer') || roles.includes('liaison');
/** Roles that use the desk sub-package (ledger, dispatch detail). */
export const isDesk = (roles: readonly string[]) => roles.includes('dispatcher') || roles.includes('leader');
/** Department handlers answer supervision cards in the dept sub-package. */
export const isDepartment = (roles: readonly string[]) => roles.includes('department');
