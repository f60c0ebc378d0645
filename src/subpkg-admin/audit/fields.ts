/**
 * The 操作日志's records in the console's words: every field of a record before and after a change,
 * by its Chinese name ('sla.yellowDays' → 办理时限 · 临期提醒（黄色）), with its value as the admin
 * reads it (roles, org kinds, statuses and switches in Chinese, org ids as org names, instants in
 * Beijing time). Plain TypeScript (no Taro), so a test can hold it to the records the server writes.
 */
import { categoryName, ROLES, TIERS } from '../../../core/contract/catalog';
import { DEADLINE_CLASSES, ITEM_ROUTING_MODES } from '../../../core/contract/items';
import { SLA_LABELS } from '../../../core/contract/admin';
import { formatTime } from '../../shared/format';

/** a field's name by its key, wherever it appears */
const FIELDS: Record<string, string> = {
  _id: '编号', id: '编号', name: '名称', kind: '类型', parentId: '上级组织', active: '在用', createdAt: '创建时间',
  communityIds: '覆盖社区', retiredReason: '撤销原因',
  openid: '微信', roles: '角色', phone: '电话', onDuty: '在岗', capacity: '在办上限', openCount: '在办件数',
  handBackCount: '退回次数', lastAssignedAt: '最近分派时间', gridIds: '负责网格', departmentId: '部门', orgId: '所在中心',
  enterpriseId: '企业', smsOptIn: '接收短信', deactivatedAt: '停用时间',
  creditCode: '统一社会信用代码', address: '地址', gridId: '所属网格', industry: '行业', scale: '规模',
  liaisonId: '特派员', leaderId: '包联领导', contactName: '联系人', contactPhone: '联系电话', contactIds: '已绑定联系人',
  contactCount: '已绑定联系人数', location: '企业位置',
  // the registry import's summary
  create: '新建', update: '修改', unchanged: '未变', errors: '错误行',
  // a binding
  status: '状态', userName: '申请人', enterpriseName: '企业名称', reason: '原因', decidedAt: '处理时间',
  // the rules
  routing: '分派规则', sla: '办理时限', ...SLA_LABELS, workingHours: '每日工作时段',
  visits: '无事不扰', cap: '入企次数上限（30天内）', autoCloseHours: '未签退自动结束（小时）',
  calendar: '工作日历', overrides: '日期调整', adminYears: '管理员维护年份',
  notify: '提醒规则', sms: '短信', quietHours: '免打扰', dailyCap: '每人每日短信上限', robots: '企业微信群机器人',
  templates: '订阅消息模板', statusChanged: '诉求状态变更通知', newAssignment: '新工单提醒', templateId: '模板ID',
  itemRouting: '按事项清单分派', mode: '方式',
  // a responsibility-list item (事项清单)
  category: '类别', keywords: '关键词', phrasings: '常见说法', owner: '责任单位', tier: '层级', legalBasis: '法律依据',
  deadlineClass: '办理时限类别', updatedAt: '更新时间', updatedBy: '更新人',
};

/** notify.sms.<kind> */
const SMS_KINDS: Record<string, string> = { assignment: '新工单', urge: '催办', red: '超期转红', status: '企业短信' };
const SMS_MODES: Record<string, string> = { always: '始终发送', fallback: '微信不可达时发送', off: '不发送' };
const ORG_KINDS: Record<string, string> = { district: '区（县）', street: '街道（乡镇）', community: '社区（村）', grid: '网格', department: '部门' };
const BINDING_STATUS: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过', cancelled: '已撤回' };
const DAY_KINDS: Record<string, string> = { holiday: '放假', workday: '调休上班' };
const LOCATION_SOURCES: Record<string, string> = { admin: '管理员设定', first_visit: '首次入企签到' };
/** keys whose values are org ids: shown as the org's name where it is known */
const ORG_KEYS = new Set(['parentId', 'communityIds', 'gridIds', 'departmentId', 'orgId', 'gridId']);
/** values shown whole, not opened field by field */
const WHOLE = new Set(['location', 'workingHours', 'overrides', 'robots', 'adminYears']);

export type Names = { org: (id: string) => string | undefined };

export type FieldRow = { path: string; label: string; before: string; after: string; changed: boolean };

/** 'sla.yellowDays' → '办理时限 · 临期提醒（黄色）'; a routing entry is named by its category */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  return parts
    .map((p, i) => {
      if (parts[i - 1] === 'routing') return categoryName(p);
      if (parts[i - 1] === 'sms') return SMS_KINDS[p] ?? p;
      return FIELDS[p] ?? p;
    })
    .join(' · ');
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** a value as the admin reads it; `key` is its field's key and `path` its whole path */
export function showValue(value: unknown, key: string, path: string, names: Names): string {
  // a category without a department is sent by the officers or the dispatcher
  if (path.startsWith('routing.') && !value) return '不指定';
  if (value === null || value === undefined || value === '') return '（空）';
  if (Array.isArray(value) && value.length === 0) return '（无）';
  const org = (id: string) => names.org(id) ?? id;
  if (key === 'workingHours' && Array.isArray(value)) return value.map((r) => (Array.isArray(r) ? r.join('–') : String(r))).join('、');
  if (key === 'overrides' && Array.isArray(value)) {
    return value.map((o) => (isRecord(o) ? [o.date, DAY_KINDS[String(o.kind)] ?? o.kind, o.name].filter(Boolean).join(' ') : String(o))).join('；');
  }
  if (key === 'robots' && Array.isArray(value)) {
    return value.map((r) => (isRecord(r) ? `${org(String(r.orgId))}：${String(r.webhook ?? '')}` : String(r))).join('；');
  }
  if (key === 'location' && isRecord(value)) {
    const source = LOCATION_SOURCES[String(value.source)] ?? '';
    return `纬度 ${value.latitude}，经度 ${value.longitude}${source ? `（${source}${value.setByName ? ` ${value.setByName}` : ''}）` : ''}`;
  }
  if (key === 'adminYears' && Array.isArray(value)) return value.map((y) => `${y}年`).join('、');
  if (key === 'roles' && Array.isArray(value)) return value.map((r) => ROLES[r as keyof typeof ROLES] ?? String(r)).join('、');
  if (ORG_KEYS.has(key) || path.startsWith('routing.')) {
    return Array.isArray(value) ? value.map((id) => org(String(id))).join('、') : org(String(value));
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'openid') return '已绑定';
  if (key === 'kind' && typeof value === 'string') return ORG_KINDS[value] ?? value;
  if (path.startsWith('notify.sms.') && typeof value === 'string') return SMS_MODES[value] ?? value;
  if (path === 'itemRouting.mode' && typeof value === 'string') return ITEM_ROUTING_MODES[value as keyof typeof ITEM_ROUTING_MODES] ?? value;
  if (key === 'category' && typeof value === 'string') return categoryName(value);
  if (key === 'tier' && typeof value === 'string') return TIERS[value as keyof typeof TIERS] ?? value;
  if (key === 'deadlineClass' && typeof value === 'string') return DEADLINE_CLASSES[value as keyof typeof DEADLINE_CLASSES] ?? value;
  if (key === 'status' && typeof value === 'string') return BINDING_STATUS[value] ?? value;
  if (typeof value === 'string') return INSTANT.test(value) ? formatTime(value) || value : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => (isRecord(v) || Array.isArray(v) ? JSON.stringify(v) : String(v))).join('、');
  return JSON.stringify(value);
}

/** a record's fields, opened down to the values shown whole: path → value */
function flatten(record: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isRecord(record)) return out;
  for (const [k, v] of Object.entries(record)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isRecord(v) && !WHOLE.has(k)) flatten(v, path, out);
    else out.set(path, v);
  }
  return out;
}

/** every field of the record before and after, in the order they first appear; `changed` where the two differ */
/** fields the server keeps for its own lookups, derived from the admin's: never shown */
const INTERNAL = /^nameGrams(\.|$)/;

export function fieldRows(before: unknown, after: unknown, names: Names): FieldRow[] {
  const a = flatten(before);
  const b = flatten(after);
  // search aids the server derives (an enterprise's name as character pairs) are not the admin's fields
  const paths = Array.from(new Set([...a.keys(), ...b.keys()])).filter((p) => !INTERNAL.test(p));
  return paths.map((path) => {
    const key = path.split('.').pop() ?? path;
    // a field absent from a record reads as an empty one (a category absent from the routing has no department)
    const absent = path.startsWith('routing.') ? '不指定' : '（空）';
    const was = a.has(path) ? showValue(a.get(path), key, path, names) : absent;
    const is = b.has(path) ? showValue(b.get(path), key, path, names) : absent;
    // null and absent read the same ('不指定', '（空）'): a change only where the admin would see one
    const changed = JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path)) && was !== is;
    return { path, label: fieldLabel(path), before: before ? was : '—', after: after ? is : '—', changed };
  });
}

/** the verb of an action ('org.retire' → 撤销) */
const VERBS: Record<string, string> = {
  create: '新建', update: '修改', retire: '撤销', restore: '恢复', invite: '邀请', reinvite: '重新生成邀请码',
  deactivate: '停用', activate: '启用', redeem: '激活', save: '保存', import: '导入', set: '设置',
  approve: '通过', reject: '驳回', unbind: '解绑', bind: '绑定微信', stewardship: '包联',
  login: '登录', logout: '退出登录', password: '修改密码',
};

export function verbOf(action: string): string {
  return VERBS[action.split('.').pop() ?? ''] ?? '其他操作';
}
