import { useState, type ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { DeskOptions, Level, Meta, RejectKind, RequestSummary } from '../../shared/api-types';
import { addDays, beijingToday, formatDate } from '../../shared/format';
import { LEVEL_LABELS, NEXT_TIER, REJECT_KIND_LABELS, TIER_LABELS } from '../../shared/labels';
import { CATEGORY_OPTIONS, leafOf } from '../../../core/contract/catalog';
import { levelLabel, rejectKindLabel } from '../../services/profile';
import Field from '../../components/Field';
import { Chips, DateInput, Select } from '../../components/Select';
import './panels.css';

export type ActionKey = 'verify' | 'reassign' | 'issueCard' | 'escalate' | 'reject' | 'refer';

/** The action buttons, in order, each with the title of the panel it opens. */
export const ACTIONS: { key: ActionKey; title: string; danger?: boolean }[] = [
  { key: 'verify', title: '核实定级' },
  { key: 'reassign', title: '改派' },
  { key: 'issueCard', title: '下发督办卡' },
  { key: 'escalate', title: '提级' },
  { key: 'reject', title: '不予受理', danger: true },
  { key: 'refer', title: '移交纪委监委', danger: true },
];

export type PanelProps = {
  request: RequestSummary;
  meta: Meta | null;
  options: DeskOptions | null;
  busy: boolean;
  /** errors by field name from the last failed submit (server details or client checks) */
  errors: Record<string, string>;
  setErrors: (e: Record<string, string>) => void;
  submit: (fields: Record<string, unknown>) => void;
  cancel: () => void;
  /** what a panel opens with when something proposed it (下发督办卡 from the responsibility list: its department and a first instruction) */
  preset?: { leadDeptId?: string; instructions?: string };
};

const MIN_TEXT = 2;

/** A titled card with the form and its 确定 / 取消 buttons (tests and users find a panel by its title). */
function Panel({ id, title, busy, onOk, cancel, children, hint }: {
  id: ActionKey; title: string; busy: boolean; onOk: () => void; cancel: () => void; children: ReactNode; hint?: string;
}) {
  return (
    <View className={`card action-panel action-panel--${id}`} id={`panel-${id}`}>
      <View className='card__title'>{title}</View>
      {hint && <View className='action-panel__hint'>{hint}</View>}
      {children}
      <View className='action-panel__buttons'>
        <Button fill='outline' onClick={cancel}>
          取消
        </Button>
        <Button type='primary' loading={busy} onClick={onOk}>
          确定
        </Button>
      </View>
    </View>
  );
}

function Reason({ value, onChange, placeholder, error, label, required = true, max = 500 }: {
  value: string; onChange: (v: string) => void; placeholder: string; error?: string; label: string; required?: boolean; max?: number;
}) {
  return (
    <Field label={label} required={required} error={error}>
      <TextArea className='form-textarea' placeholder={placeholder} value={value} maxLength={max} rows={3} onChange={onChange} />
    </Field>
  );
}

const needText = (v: string, what: string) => (v.trim().length < MIN_TEXT ? `请填写${what}（至少${MIN_TEXT}个字）` : '');

export function VerifyPanel({ request, meta, busy, errors, setErrors, submit, cancel }: PanelProps) {
  const [level, setLevel] = useState<Level>(request.level ?? 'general');
  // a request from before the taxonomy carries an old code: its leaf is proposed
  const [category, setCategory] = useState<string>(leafOf(request.category) ?? '');
  const [dueDate, setDueDate] = useState(request.level === 'special' && request.dueAt ? formatDate(request.dueAt) : '');
  const today = beijingToday();
  const levels = (Object.keys(LEVEL_LABELS) as Level[]).map((l) => ({ value: l, label: levelLabel(meta, l) }));
  const ok = () => {
    const e: Record<string, string> = {};
    if (!category) e.category = '请选择诉求类别';
    if (level === 'special' && !dueDate) e.dueDate = '特殊诉求请设定办理期限';
    else if (level === 'special' && dueDate < today) e.dueDate = '办理期限不能早于今天';
    setErrors(e);
    if (Object.keys(e).length) return;
    submit({ level, category, ...(level === 'special' ? { dueDate } : {}) });
  };
  return (
    <Panel id='verify' title='核实定级' busy={busy} onOk={ok} cancel={cancel}
      hint='一般诉求 5 个工作日内办结，复杂诉求 10 个工作日，特殊诉求由调度员设定期限并全程督办。'>
      <Field label='诉求等级' required error={errors.level}>
        <Chips options={levels} value={level} onChange={setLevel} />
      </Field>
      <Field label='诉求类别' required error={errors.category}>
        <Select value={category} options={CATEGORY_OPTIONS} placeholder='请选择类别' onChange={setCategory} />
      </Field>
      {level === 'special' && (
        <Field label='办理期限' required error={errors.dueDate}>
          <DateInput value={dueDate} start={today} placeholder='选择办理期限' onChange={setDueDate} />
        </Field>
      )}
    </Panel>
  );
}

export function ReassignPanel({ request, options, busy, errors, setErrors, submit, cancel }: PanelProps) {
  const [assigneeId, setAssigneeId] = useState('');
  const [note, setNote] = useState('');
  const officers = (options?.officers ?? []).filter((o) => o.active);
  const ok = () => {
    const e: Record<string, string> = {};
    if (!assigneeId) e.assigneeId = '请选择承办人';
    else if (assigneeId === request.assigneeId) e.assigneeId = '已是当前承办人，请选择其他人员';
    setErrors(e);
    if (Object.keys(e).length) return;
    submit({ assigneeId, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <Panel id='reassign' title='改派' busy={busy} onOk={ok} cancel={cancel}>
      <Field label='改派给' required error={errors.assigneeId}>
        {!options && <View className='muted small'>人员名单加载中…</View>}
        {options && officers.length === 0 && <View className='muted small'>暂无可改派的人员</View>}
        <View className='picker-list'>
          {officers.map((o) => {
            const full = o.capacity > 0 && o.openCount >= o.capacity;
            const current = o.id === request.assigneeId;
            return (
              <View
                key={o.id}
                className={`picker-item${assigneeId === o.id ? ' picker-item--active' : ''}`}
                onClick={() => setAssigneeId(o.id)}
              >
                <View className='picker-item__radio' />
                <View className='picker-item__body'>
                  <View className='picker-item__title'>
                    <Text>{o.name}</Text>
                    <Text className='picker-item__role'>{o.roleLabel}</Text>
                    {current && <Text className='picker-item__tag'>当前承办</Text>}
                  </View>
                  <View className='picker-item__meta'>
                    {o.grids || '—'} · 在办 {o.openCount}/{o.capacity}
                    <Text className={o.onDuty ? 'picker-item__duty' : 'picker-item__off'}>{o.onDuty ? ' · 在岗' : ' · 不在岗'}</Text>
                    {full && <Text className='picker-item__off'> · 已满负荷</Text>}
                  </View>
                </View>
              </View>
            );
          })}
        </View>
      </Field>
      <Reason label='改派说明' required={false} max={300} value={note} onChange={setNote} placeholder='选填，将记入办理进度' error={errors.note} />
    </Panel>
  );
}

export function IssueCardPanel({ request, options, busy, errors, setErrors, submit, cancel, preset }: PanelProps) {
  const today = beijingToday();
  const [lead, setLead] = useState(preset?.leadDeptId ?? '');
  const [co, setCo] = useState<string[]>([]);
  const [deadline, setDeadline] = useState(() => (request.dueAt && formatDate(request.dueAt) >= today ? formatDate(request.dueAt) : addDays(today, 7)));
  const [instructions, setInstructions] = useState(preset?.instructions ?? '');
  const [confirmRecusal, setConfirmRecusal] = useState(false);
  const depts = options?.departments ?? [];
  // a complaint about officials: their departments get the card only when the dispatcher confirms
  const recusal = request.recusal ?? null;
  const conflicted = [lead, ...co].filter((d) => d && recusal?.deptIds.includes(d));
  const conflictedNames = conflicted.map((d) => depts.find((x) => x.id === d)?.name ?? d).join('、');
  const ok = () => {
    const e: Record<string, string> = {};
    if (!lead) e.leadDeptId = '请选择牵头部门';
    if (!deadline) e.deadline = '请选择办理时限';
    else if (deadline < today) e.deadline = '办理时限不能早于今天';
    const t = needText(instructions, '督办要求');
    if (t) e.instructions = t;
    if (conflicted.length && !confirmRecusal) e.confirmRecusal = `${conflictedNames}是被投诉人员所在部门，请确认回避安排`;
    setErrors(e);
    if (Object.keys(e).length) return;
    submit({
      leadDeptId: lead, coDeptIds: co.filter((d) => d !== lead), deadline, instructions: instructions.trim(),
      ...(conflicted.length ? { confirmRecusal: true } : {}),
    });
  };
  return (
    <Panel id='issueCard' title='下发督办卡' busy={busy} onOk={ok} cancel={cancel}
      hint='各部门须按时接收督办卡；协办部门提交协办意见，牵头部门汇总后作最终答复。逾期接收、逾期办结均计入考核。'>
      <Field label='牵头部门' required error={errors.leadDeptId}>
        {!options && <View className='muted small'>部门名单加载中…</View>}
        <Chips
          options={depts.map((d) => ({ value: d.id, label: d.name }))}
          value={lead}
          onChange={(v) => {
            setLead(v);
            setCo((c) => c.filter((d) => d !== v));
          }}
        />
      </Field>
      <Field label='协办部门' extra={<Text className='field__extra'>选填，可多选</Text>} error={errors.coDeptIds}>
        <Chips
          options={depts.map((d) => ({ value: d.id, label: d.name, disabled: d.id === lead }))}
          value={co}
          onChange={(v) => setCo((c) => (c.includes(v) ? c.filter((d) => d !== v) : [...c, v]))}
        />
      </Field>
      <Field label='办理时限' required error={errors.deadline}>
        <DateInput value={deadline} start={today} placeholder='选择办理时限' onChange={setDeadline} />
      </Field>
      <Reason label='督办要求' value={instructions} onChange={setInstructions} max={1000}
        placeholder='写明需要部门解决的问题、办理要求和反馈方式' error={errors.instructions} />
      {conflicted.length > 0 && recusal && (
        <View className='recusal-warning' id='issue-card-recusal'>
          <View className='recusal-warning__title'>回避提示</View>
          <View className='recusal-warning__text'>
            本件投诉涉及 {conflictedNames} 的 {recusal.userNames.join('、') || '工作人员'}。{recusal.reason}
          </View>
          <View className='recusal-warning__text'>被投诉人不会收到、也看不到此督办卡；确需由该部门办理的，请确认由其他人员承办。</View>
          <View className={`recusal-warning__confirm${confirmRecusal ? ' recusal-warning__confirm--on' : ''}`} onClick={() => setConfirmRecusal((v) => !v)}>
            <View className='recusal-warning__box'>{confirmRecusal ? '✓' : ''}</View>
            <Text>我已确认回避安排，仍向 {conflictedNames} 下发</Text>
          </View>
          {errors.confirmRecusal && <View className='field__error'>{errors.confirmRecusal}</View>}
        </View>
      )}
    </Panel>
  );
}

export function EscalatePanel({ request, options, busy, errors, setErrors, submit, cancel }: PanelProps) {
  const [reason, setReason] = useState('');
  const target = escalationTarget(request, options);
  const ok = () => {
    const t = needText(reason, '提级原因');
    setErrors(t ? { reason: t } : {});
    if (!t) submit({ reason: reason.trim() });
  };
  return (
    <Panel id='escalate' title='提级' busy={busy} onOk={ok} cancel={cancel} hint={`提交至 ${target} 调度办理。`}>
      <Reason label='提级原因' value={reason} onChange={setReason} placeholder='说明本级难以解决的原因' error={errors.reason} />
    </Panel>
  );
}

/**
 * Where 提级 sends the request: the parent of its current center, as the server chooses it
 * (core/desk/triage.ts escalateRequest), never just the first center of the next tier.
 */
export function escalationTarget(request: Pick<RequestSummary, 'tier' | 'tierOrgId'>, options: DeskOptions | null): string {
  const centers = options?.centers ?? [];
  const current = centers.find((c) => c.id === request.tierOrgId);
  const up = current?.parentId ? centers.find((c) => c.id === current.parentId && (c.kind === 'street' || c.kind === 'district')) : undefined;
  if (up) return up.name;
  const next = request.tier ? NEXT_TIER[request.tier] : null;
  return next ? `上一级（${TIER_LABELS[next]}级）营商环境优化中心` : '上一级营商环境优化中心';
}

export function RejectPanel({ meta, busy, errors, setErrors, submit, cancel }: PanelProps) {
  const [kind, setKind] = useState<RejectKind | ''>('');
  const [reason, setReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const kinds = (Object.keys(REJECT_KIND_LABELS) as RejectKind[]).map((k) => ({ value: k, label: rejectKindLabel(meta, k) }));
  const ok = () => {
    const e: Record<string, string> = {};
    if (!kind) e.kind = '请选择不予受理的类别';
    const t = needText(reason, '不予受理的理由');
    if (t) e.reason = t;
    setErrors(e);
    if (Object.keys(e).length) return;
    // a duplicate names the request it repeats (the server checks it is this enterprise's)
    submit({ kind, reason: reason.trim(), ...(kind === 'duplicate' && duplicateOf.trim() ? { duplicateOf: duplicateOf.trim() } : {}) });
  };
  return (
    <Panel id='reject' title='不予受理' busy={busy} onOk={ok} cancel={cancel}>
      <Field label='类别' required error={errors.kind}>
        <Chips options={kinds} value={kind} onChange={setKind} />
      </Field>
      {kind === 'duplicate' && (
        <Field label='重复于' required={false} error={errors.duplicateOf}>
          <Input className='form-input' placeholder='所重复诉求的编号，如 SQ202611230001（选填，企业可点开查看）' value={duplicateOf} maxLength={20} onChange={setDuplicateOf} />
        </Field>
      )}
      <Reason label='理由' value={reason} onChange={setReason} placeholder='说明不予受理的理由，将告知企业' error={errors.reason} />
    </Panel>
  );
}

export function ReferPanel({ busy, errors, setErrors, submit, cancel }: PanelProps) {
  const [reason, setReason] = useState('');
  const ok = () => {
    const t = needText(reason, '移交原因');
    setErrors(t ? { reason: t } : {});
    if (!t) submit({ reason: reason.trim() });
  };
  return (
    <Panel id='refer' title='移交纪委监委' busy={busy} onOk={ok} cancel={cancel}
      hint='办理中发现公职人员违纪违法问题线索（如吃拿卡要、推诿扯皮）时移交，移交记录不可撤回。'>
      <Reason label='移交原因' value={reason} onChange={setReason} placeholder='写明发现的问题线索及相关人员' error={errors.reason} />
    </Panel>
  );
}
