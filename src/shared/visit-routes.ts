/** Pages of the official-visits sub-package (公务入企扫码备案). */
const q = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

export const VISIT_ROUTES = {
  /** the page an enterprise's code opens; without a scene it offers to scan */
  scan: (scene?: string) => `/subpkg-visit/scan/index${q({ scene })}`,
  detail: (id: string) => `/subpkg-visit/detail/index${q({ id })}`,
  /** the enterprise's visit history (optionally opened on one visit) */
  history: (id?: string) => `/subpkg-visit/history/index${q({ id })}`,
  poster: (enterpriseId?: string) => `/subpkg-visit/poster/index${q({ enterpriseId })}`,
  officialCode: '/subpkg-visit/official-code/index',
  /** what the enterprise sees after scanning an official's code */
  check: (scene?: string) => `/subpkg-visit/check/index${q({ scene })}`,
  plans: '/subpkg-visit/plans/index',
  desk: (params: Record<string, string | undefined> = {}) => `/subpkg-visit/desk/index${q(params)}`,
};

/** roles that scan in when entering an enterprise on duty */
export const isVisitStaff = (roles: readonly string[]) =>
  ['officer', 'liaison', 'department', 'dispatcher', 'leader'].some((r) => roles.includes(r));
