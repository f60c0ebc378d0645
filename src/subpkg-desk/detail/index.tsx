import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DeskOptions, Meta, Permissions, RequestDetail, RequestDetailResponse } from '../../shared/api-types';
import { formatTime } from '../../shared/format';
import { TIER_LABELS, roleLabel } from '../../shared/labels';
import { ApiError, callService, errorText, toastError } from '../../services/call';
import { confirmAction, showTop } from '../../shared/confirm';
import type { ActionName } from '../../../core/contract/actions';
import { channelLabel, colourLabel, levelLabel, loadMeta } from '../../services/profile';
import ColourBadge from '../../components/ColourBadge';
import { fieldErrors } from '../../components/Field';
import { AppealCard, DeadlineRows, longLabels, ProvisionalWarning, RejectionCard, RequestHead, ResultCard, Row } from '../../components/RequestInfo';
import Timeline from '../../components/Timeline';
import { ErrorState, Loading } from '../../components/StateView';
import {
  ACTIONS,
  EscalatePanel,
  IssueCardPanel,
  ReassignPanel,
  ReferPanel,
  RejectPanel,
  VerifyPanel,
  type ActionKey,
  type PanelProps,
} from './panels';
import CardControl from './card-control';
import ObjectionsPanel from './objections';
import CallbackPanel from './callback';
import RecusalNotice from './recusal-notice';
import ItemSuggestion from './item-suggestion';
import MergedPanel from '../../components/MergedPanel';
import '../desk.css';
import './index.css';

/** service action and success text of each desk action */
const ACTION_CALLS: Record<ActionKey, { action: ActionName; done: string }> = {
  verify: { action: 'desk.verify', done: '已核实定级' },
  reassign: { action: 'desk.reassign', done: '已改派' },
  issueCard: { action: 'card.issue', done: '督办卡已下发' },
  escalate: { action: 'desk.escalate', done: '已提级' },
  reject: { action: 'desk.reject', done: '已不予受理，企业将收到说明' },
  refer: { action: 'desk.refer', done: '已移交纪委监委' },
};

const PANELS: Record<ActionKey, (p: PanelProps) => JSX.Element> = {
  verify: VerifyPanel,
  reassign: ReassignPanel,
  issueCard: IssueCardPanel,
  escalate: EscalatePanel,
  reject: RejectPanel,
  refer: ReferPanel,
};

export default function DeskDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [detail, setDetail] = useState<RequestDetailResponse | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [options, setOptions] = useState<DeskOptions | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<ActionKey | null>(null);
  // a panel opened by a proposal (the responsibility list's department for 下发督办卡)
  const [preset, setPreset] = useState<PanelProps['preset']>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const [d, m] = await Promise.all([
        callService('request.get', { id }),
        loadMeta().catch(() => null),
      ]);
      setDetail(d);
      setMeta(m);
      setError('');
      // officers, departments and centers are only needed by the dispatcher's forms
      if (!options && (d.can.reassign || d.can.issueCard || d.can.escalate)) {
        callService('desk.options').then(setOptions).catch(toastError);
      }
    } catch (e) {
      setError(errorText(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const toggle = (key: ActionKey) => {
    setErrors({});
    setPreset(undefined);
    setOpen((o) => (o === key ? null : key));
  };
  /** 按清单下发: the card panel opens with the item's department as lead; the dispatcher completes and confirms it */
  const proposeCard = (p: NonNullable<PanelProps['preset']>) => {
    setErrors({});
    setPreset(p);
    setOpen('issueCard');
    setTimeout(() => Taro.pageScrollTo({ selector: '#panel-issueCard', duration: 200 }).catch(() => undefined), 50);
  };

  /** an action done in place (here or in a panel): the page reloads and shows its top, where the new status is */
  const acted = async () => {
    await load();
    showTop();
  };

  const submit = async (key: ActionKey, fields: Record<string, unknown>) => {
    if (busy) return;
    // what cannot be undone is confirmed first, in words that say what will happen
    const ask = confirmationOf(key, fields, options);
    if (ask && !(await confirmAction(ask))) return;
    setBusy(true);
    try {
      await callService(ACTION_CALLS[key].action, { id, ...fields });
      Taro.showToast({ title: ACTION_CALLS[key].done, icon: 'none' });
      setOpen(null);
      setErrors({});
      await acted();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setErrors(fieldErrors(e.details));
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  /** 取消并件: the linked request goes back to its own handling */
  const unmerge = async () => {
    if (busy) return;
    const sure = await confirmAction({
      title: '取消并件',
      content: '本诉求将恢复单独办理（回到并件前的状态和承办人），不再随主件办理，企业会收到通知。',
      confirmText: '取消并件',
      danger: true,
    });
    if (!sure) return;
    setBusy(true);
    try {
      await callService('desk.unmerge', { id });
      Taro.showToast({ title: '已取消并件', icon: 'none' });
      await acted();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!detail) {
    return (
      <View className='page page--wide'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>
    );
  }
  const { request: r, can } = detail;
  const allowed = ACTIONS.filter((a) => can[a.key as keyof Permissions]);
  const Open = open && allowed.some((a) => a.key === open) ? PANELS[open] : null;

  return (
    <View className='page page--wide desk-detail'>
      <RequestHead request={r} meta={meta} />
      <RecusalNotice detail={detail} meta={meta} options={options} reload={acted} />
      <View className='desk-detail__columns'>
        <View className='desk-detail__side'>
          {detail.merge && <MergedPanel merge={detail.merge} viewer='desk' onUnmerge={can.unmerge ? unmerge : undefined} busy={busy} />}
          <SlaPanel request={r} meta={meta} />
          {r.referral && (
            <View className='card notice-card notice-card--danger'>
              <View className='card__title'>已移交纪委监委</View>
              <Row label='移交人'>{r.referral.byName}</Row>
              <Row label='时间'>{formatTime(r.referral.at)}</Row>
              <Row label='原因'>
                <Text className='pre'>{r.referral.reason}</Text>
              </Row>
            </View>
          )}
          {allowed.length > 0 && (
            <View className='desk-actions'>
              <View className='desk-actions__title'>调度操作</View>
              <View className='desk-actions__buttons'>
                {allowed.map((a) => (
                  <Button
                    key={a.key}
                    type={a.danger ? 'danger' : 'primary'}
                    fill={open === a.key ? 'solid' : 'outline'}
                    onClick={() => toggle(a.key)}
                  >
                    {a.title}
                  </Button>
                ))}
              </View>
            </View>
          )}
          {Open && (
            <Open
              key={`${open}-${preset?.leadDeptId ?? ''}`}
              preset={preset}
              request={r}
              meta={meta}
              options={options}
              busy={busy}
              errors={errors}
              setErrors={setErrors}
              submit={(fields) => submit(open!, fields)}
              cancel={() => toggle(open!)}
            />
          )}
          <ObjectionsPanel detail={detail} meta={meta} options={options} reload={acted} />
          <CardControl detail={detail} meta={meta} options={options} reload={acted} />
          <CallbackPanel detail={detail} meta={meta} options={options} reload={acted} />
        </View>

        <View className='desk-detail__main'>
          <RejectionCard request={r} meta={meta} viewer='desk' />
          <AppealCard request={r} meta={meta} />
          <ResultCard request={r} />
          {/* triage: the responsibility-list item chosen or suggested, and why */}
          {(can.verify || can.issueCard) && <ItemSuggestion id={r._id} version={String(r.timeline.length)} onRoute={can.issueCard ? proposeCard : undefined} />}
          <FactsCard request={r} meta={meta} />
          <View className='card'>
            <View className='card__title'>办理进度</View>
            <Timeline events={r.timeline} />
          </View>
        </View>
      </View>
    </View>
  );
}

/**
 * The confirmation of a desk action that cannot be undone: 改派 (the handler changes), 下发督办卡
 * (the request goes to the departments), 不予受理 (the enterprise is told, the request ends),
 * 移交纪委监委. 核实定级 and 提级 can be corrected and go without.
 */
function confirmationOf(key: ActionKey, fields: Record<string, unknown>, options: DeskOptions | null) {
  const dept = (id: unknown) => options?.departments.find((d) => d.id === id)?.name ?? '所选部门';
  switch (key) {
    case 'reassign': {
      const to = options?.officers.find((o) => o.id === fields.assigneeId);
      return {
        title: '改派',
        content: `改派给${to ? `${to.name}（${to.roleLabel}）` : '所选人员'}后，原承办人不再办理本诉求，新承办人须重新签收，企业会收到通知。`,
        confirmText: '确认改派',
      };
    }
    case 'issueCard': {
      const co = ((fields.coDeptIds as string[] | undefined) ?? []).map(dept);
      return {
        title: '下发督办卡',
        content: `向${dept(fields.leadDeptId)}（牵头）${co.length ? `和${co.join('、')}（协办）` : ''}下发督办卡，诉求转由部门办理并作最终答复；下发后只能撤回，不能修改。`,
        confirmText: '确认下发',
      };
    }
    case 'reject':
      return {
        title: '不予受理',
        content: '企业将收到不予受理的说明，本诉求不再办理，此操作不能撤回。',
        confirmText: '不予受理',
        danger: true,
      };
    case 'refer':
      return { title: '移交纪委监委', content: '确认将该诉求移交纪委监委？移交后不可撤回。', confirmText: '确认移交', danger: true };
    default:
      return null;
  }
}

/** 办理时限: level, colour, deadlines, time left, urges, and the deadline's own history. */
function SlaPanel({ request: r, meta }: { request: RequestDetail; meta: Meta | null }) {
  const history = [...(r.slaHistory ?? [])].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <View className={`card sla-panel${longLabels(r)}`}>
      <View className='card__title'>办理时限</View>
      <Row label='诉求等级'>
        <Text>{r.level ? levelLabel(meta, r.level) : '—'}</Text>
        <Text className={`sla-verified${r.verified ? ' sla-verified--yes' : ''}`}>{r.verified ? '已核实' : '待核实'}</Text>
      </Row>
      <Row label='台账颜色'>{r.colour ? <ColourBadge colour={r.colour} label={colourLabel(meta, r.colour)} /> : '—'}</Row>
      {r.status === 'rejected' ? (
        // 不予受理: no deadline, no handler
        <Row label='办理期限'>不予受理，不计办理时限</Row>
      ) : (
        <>
          <Row label='签收期限'>{r.acceptDueAt ? formatTime(r.acceptDueAt) : '—'}</Row>
          <DeadlineRows request={r} always />
          {r.startedAt && <Row label={r.reopenCount > 0 ? '重办计时' : '开始计时'}>{formatTime(r.startedAt)}</Row>}
          {r.status === 'paused' && r.pausedAt && <Row label='暂停计时'>{formatTime(r.pausedAt)}</Row>}
          <Row label='催办'>{`${r.urgeCount ?? 0} 次`}</Row>
        </>
      )}
      <ProvisionalWarning request={r} />
      {history.length > 0 && (
        <View className='sla-history'>
          {history.map((h, i) => (
            <View className='sla-history__item' key={`${h.at}-${i}`}>
              <Text className='sla-history__time'>{formatTime(h.at)}</Text>
              <Text className='sla-history__text'>{h.text}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function FactsCard({ request: r, meta }: { request: RequestDetail; meta: Meta | null }) {
  const call = () => {
    if (process.env.TARO_ENV === 'weapp' && r.phone) Taro.makePhoneCall({ phoneNumber: r.phone }).catch(() => undefined);
  };
  return (
    <View className='card'>
      <View className='card__title'>基本信息</View>
      <Row label='企业'>{r.enterpriseName}</Row>
      <Row label='联系电话'>
        <Text className='link' onClick={call}>
          {r.phone || '—'}
        </Text>
      </Row>
      {r.item && <Row label='诉求事项'>{r.item.name}</Row>}
      <Row label='来源渠道'>{r.channel ? channelLabel(meta, r.channel) : '—'}</Row>
      <Row label='调度中心'>
        {r.tierOrgName || '—'}
        {r.tier ? `（${TIER_LABELS[r.tier]}级）` : ''}
      </Row>
      {r.status !== 'rejected' && (
        <Row label='承办人'>
          {r.assigneeName ? `${r.assigneeName}${r.assigneeRole ? `（${roleLabel(r.assigneeRole)}）` : ''}` : '未分派'}
        </Row>
      )}
      <Row label='提交时间'>{formatTime(r.createdAt)}</Row>
    </View>
  );
}
