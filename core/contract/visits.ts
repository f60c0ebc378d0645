/**
 * The visit vocabulary both sides share (公务入企扫码备案): purposes and flags with their Chinese
 * labels, plan statuses, and what a code's scene looks like. No imports: the mini-program bundles
 * this file as it is.
 */

export const PURPOSES = {
  help: '帮扶走访',
  policy: '政策宣讲',
  followup: '问题回访',
  inspection: '执法检查',
  joint: '联合检查',
} as const;
export type VisitPurpose = keyof typeof PURPOSES;
export const PURPOSE_KEYS = Object.keys(PURPOSES) as [VisitPurpose, ...VisitPurpose[]];
/** enforcement visits: they need a legal basis and a prior approval reference (报批备案号) */
export const INSPECTIONS: ReadonlyArray<VisitPurpose> = ['inspection', 'joint'];
export const isInspection = (p: VisitPurpose) => INSPECTIONS.includes(p);

/** what the dispatcher is shown; red ones first */
export const FLAGS = {
  no_approval: '执法检查无报批备案号',
  over_cap: '超出无事不扰频次',
  late: '事后补录',
  auto_closed: '未签退（系统自动签退）',
  complained: '企业投诉',
  low_score: '企业低分评价',
  far: '扫码位置距企业过远',
  no_location: '未获取扫码位置',
} as const;
export type VisitFlag = keyof typeof FLAGS;
export const RED_FLAGS: ReadonlyArray<VisitFlag> = ['no_approval', 'complained', 'far'];
/** flags that come from the enterprise's feedback: never shown to the visiting side */
export const FEEDBACK_FLAGS: ReadonlyArray<VisitFlag> = ['complained', 'low_score'];

export const PLAN_STATUSES = { planned: '已预告', merged: '已合并为联合检查', done: '已执行', cancelled: '已取消' } as const;
export type PlanStatus = keyof typeof PLAN_STATUSES;

/** the page each kind of code opens (mini-program path, no leading slash) */
export const CODE_PAGES = {
  enterprise: 'subpkg-visit/scan/index',
  official: 'subpkg-visit/check/index',
} as const;

/** H5 link of a code: the same page and scene the mini-program code opens */
export const codeLink = (kind: keyof typeof CODE_PAGES, scene: string) => `/#/${CODE_PAGES[kind]}?scene=${scene}`;

/** what a scene of ours looks like: anything else is not one of our codes */
export const isSceneShaped = (s: unknown): s is string => typeof s === 'string' && /^[0-9A-Za-z]{16,22}$/.test(s);

/** the scene inside anything a scanner returns: a bare scene, a page path with ?scene=, or a URL */
export function sceneFrom(text: string): string | null {
  const t = text.trim();
  if (isSceneShaped(t)) return t;
  const m = /[?&]scene=([^&#\s]+)/.exec(t);
  if (!m) return null;
  let s = m[1];
  try { s = decodeURIComponent(s); } catch { return null; }
  return isSceneShaped(s) ? s : null;
}
