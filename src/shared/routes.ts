import type { Me } from './api-types';
import { isDepartment, isDesk, isHandler } from './labels';

/** query string from defined, non-empty values */
function query(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  messages: '/pages/messages/index',
  bind: '/subpkg-enterprise/bind/index',
  submit: '/subpkg-enterprise/submit/index',
  myRequests: '/subpkg-enterprise/list/index',
  enterpriseDetail: (id: string) => `/subpkg-enterprise/detail/index?id=${encodeURIComponent(id)}`,
  inbox: '/subpkg-officer/inbox/index',
  officerDetail: (id: string) => `/subpkg-officer/detail/index?id=${encodeURIComponent(id)}`,
  /** 代报: a liaison or grid officer files for an enterprise it looks after */
  fileFor: '/subpkg-officer/file/index',
  /** 我代报的诉求: what the caller filed for enterprises (a CPPCC member's way to follow them) */
  filed: '/subpkg-officer/filed/index',
  /** 茶叙会/企业家日: a dispatcher records a meeting's problems */
  meeting: '/subpkg-desk/meeting/index',
  /** 12345: a dispatcher imports the hotline's export */
  hotline: '/subpkg-desk/hotline/index',
  /** 疑似重复 · 并件: the dispatcher merges duplicates into one main request */
  duplicates: '/subpkg-desk/duplicates/index',
  /** 台账, optionally pre-filtered (e.g. { status: 'dispatch' } for 待调度) */
  ledger: (filters: Record<string, string | undefined> = {}) => `/subpkg-desk/ledger/index${query(filters)}`,
  deskDetail: (id: string) => `/subpkg-desk/detail/index?id=${encodeURIComponent(id)}`,
  cardInbox: '/subpkg-dept/inbox/index',
  deptCard: (cardId: string) => `/subpkg-dept/card/index?cardId=${encodeURIComponent(cardId)}`,
  /** 使用邀请码 (any user: staff redeem their one-time code) */
  invite: '/pages/invite/index',
  /** binding requests for the approver (first contact or grid officer) */
  approvals: '/subpkg-enterprise/approvals/index',
  admin: '/subpkg-admin/index/index',
  /** leaders' dashboard, 红黄榜 and 简报 (subpkg-leader) */
  dashboard: '/subpkg-leader/dashboard/index',
  rankings: '/subpkg-leader/rankings/index',
  briefing: (period = 'month', key?: string) => `/subpkg-leader/briefing/index${query({ period, key })}`,
};

/**
 * The page a user sees a request on: the enterprise view for its own staff, the handler view for
 * officers and liaisons, the desk view for dispatchers and leaders; department handlers work by
 * supervision card, so they land on their card inbox.
 */
export function detailUrlFor(me: Me | null, requestId: string): string {
  const roles = me?.user.roles ?? [];
  if (roles.includes('enterprise') && !!me?.user.enterpriseId) return ROUTES.enterpriseDetail(requestId);
  if (isHandler(roles)) return ROUTES.officerDetail(requestId);
  if (isDesk(roles)) return ROUTES.deskDetail(requestId);
  if (isDepartment(roles)) return ROUTES.cardInbox;
  return ROUTES.officerDetail(requestId);
}
