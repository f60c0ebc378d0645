/**
 * Reference data the whole product shares, with the Chinese labels the pages show: categories,
 * statuses, roles, channels, levels, colours, tiers (DOMAIN.md). The server and the mini-program
 * import this same file (no imports but ./taxonomy's re-export); the limits are in ./limits.ts.
 */

// the categories: one two-level taxonomy (groups and their leaves, old codes mapped to leaves), ./taxonomy.ts
export {
  CATEGORIES, CATEGORY_CODES, CATEGORY_GROUPS, GROUP_CODES, LEGACY_CATEGORIES, categoryName, categoryPath, groupName, groupOf, leafOf, leafByName,
  storedCodesOf, storedCodesUnder, toLeafInput, CATEGORY_OPTIONS, CATEGORY_FILTER_OPTIONS,
} from './taxonomy';
export type { CategoryCode, CategoryGroupCode, LegacyCategoryCode, StoredCategory } from './taxonomy';

export const STATUSES = {
  queued: '待分派',
  dispatch: '待调度',
  assigned: '待签收',
  accepted: '办理中',
  paused: '待补充材料',
  supervised: '督办中',
  resolved: '待评价',
  closed: '已办结',
  rejected: '不予受理',
  /** 并件: linked to a main request, out of every queue, follows the main (core/desk/merge.ts) */
  merged: '已并件',
} as const;
export type RequestStatus = keyof typeof STATUSES;
/** statuses in which the request still waits for an answer */
export const OPEN_STATUSES: RequestStatus[] = ['queued', 'dispatch', 'assigned', 'accepted', 'paused', 'supervised'];
/** statuses that count against an officer's load */
export const OPEN_FOR_ASSIGNEE: RequestStatus[] = ['assigned', 'accepted', 'paused'];

export const ROLES = {
  enterprise: '企业用户',
  officer: '网格员',
  liaison: '特派员',
  department: '部门承办人',
  dispatcher: '调度员',
  leader: '领导',
  admin: '管理员',
  /** 政协委员直通车: files for enterprises of the district and follows what it filed (core/intake/cppcc.ts) */
  cppcc: '政协委员',
} as const;
export type Role = keyof typeof ROLES;

export const CHANNELS = {
  self: '小程序自主上报',
  visit: '走访代报',
  liaison: '特派员代报',
  cppcc: '政协委员直通车',
  hotline: '12345热线',
  meeting: '茶叙会/企业家日',
  report: '线上举报',
} as const;
export type Channel = keyof typeof CHANNELS;


export const LEVELS = { general: '一般', complex: '复杂', special: '特殊' } as const;
export type Level = keyof typeof LEVELS;

/** ledger colours (台账): white not started, green on track, yellow close to its deadline, red overdue */
export const COLOURS = { white: '未开始', green: '正常', yellow: '临期', red: '超期' } as const;
export type Colour = keyof typeof COLOURS;

export const TIERS = { community: '社区', street: '街道', district: '区' } as const;
export type Tier = keyof typeof TIERS;

export const REJECT_KINDS = { invalid: '无效诉求', duplicate: '重复诉求', out_of_scope: '不属于受理范围' } as const;
export type RejectKind = keyof typeof REJECT_KINDS;

/**
 * 办结's result type: what the answer did for the enterprise. 无法解决 carries its reason
 * (core/contract/handling.ts). A request answered before the types existed reads as 已解决.
 */
export const RESULT_KINDS = { solved: '已解决', explained: '已解释说明', unsolvable: '无法解决' } as const;
export type ResultKind = keyof typeof RESULT_KINDS;
export const resultKindOf = (r: { resultKind?: ResultKind | null }): ResultKind => r.resultKind ?? 'solved';

/** 提级: the next tier up */
export const NEXT_TIER: Record<Tier, Tier | null> = { community: 'street', street: 'district', district: null };

/** one department's part in a card */
export const PARTY_STATUSES = { issued: '待接收', accepted: '办理中', replied: '已答复', returned: '已退回', closed: '已结束' } as const;
export type PartyStatus = keyof typeof PARTY_STATUSES;
export const PARTY_ROLES = { lead: '牵头', co: '协办' } as const;
export type PartyRole = keyof typeof PARTY_ROLES;

/** 回访: how the supervising desk reached the enterprise, and what it said */
export const CALLBACK_METHODS = { call: '电话回访', message: '短信回访', visit: '上门回访' } as const;
export const CALLBACK_OUTCOMES = { satisfied: '满意', unsatisfied: '不满意', unreachable: '未联系上' } as const;

/** the roles the admin console gives staff (every role but the enterprise's) */
export const STAFF_ROLES = ['officer', 'liaison', 'department', 'dispatcher', 'leader', 'admin', 'cppcc'] as const;
