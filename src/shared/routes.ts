import type { Me } from './api-types';

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
};

/** The detail page a user sees a request on: the enterprise view for its own staff, else the handler view. */
export function detailUrlFor(me: Me | null, requestId: string): string {
  const enterpriseUser = !!me && me.user.roles.includes('enterprise') && !!me.user.enterpriseId;
  return enterpriseUser ? ROUTES.enterpriseDetail(requestId) : ROUTES.officerDetail(requestId);
}
