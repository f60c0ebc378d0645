import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Rate } from '@nutui/nutui-react-taro';
import type { Meta, RequestDetail, RequestSummary } from '../shared/api-types';
import When from './When';
import { roleLabel } from '../shared/labels';
import { PROVISIONAL_WARNING, deadlineFacts, remainingTime, type DeadlineOutcome } from '../shared/sla';
import { categoryLabel, colourLabel, levelLabel, rejectKindLabel, statusLabel } from '../services/profile';
import { photoUrl } from '../services/upload';
import StatusTag from './StatusTag';
import ColourBadge from './ColourBadge';
import PhotoGrid from './PhotoGrid';
import Timeline from './Timeline';
import ResultKindTag from './ResultKindTag';
import './RequestInfo.css';

type Props = {
  request: RequestDetail;
  meta: Meta | null;
  viewer: 'enterprise' | 'officer';
  /** the viewer's action forms, shown right after the request and its result */
  actions?: ReactNode;
};

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <View className='info-row__value'>{children}</View>
    </View>
  );
}

/** Category, status, ledger colour, number, description and photos. */
export function RequestHead({ request: r, meta }: { request: RequestSummary; meta: Meta | null }) {
  return (
    <View className='card detail-head'>
      <View className='detail-head__top'>
        <Text className='detail-head__category'>{categoryLabel(meta, r.category)}</Text>
        <View className='detail-head__tags'>
          {r.colour && <ColourBadge colour={r.colour} label={colourLabel(meta, r.colour)} />}
          <StatusTag status={r.status} label={statusLabel(meta, r.status)} />
        </View>
      </View>
      <View className='detail-head__no'>工单号 {r.no}</View>
      {r.item && <View className='detail-head__no'>所涉事项 {r.item.name}</View>}
      <View className='detail-head__desc'>{r.description}</View>
      <PhotoGrid urls={(r.photos ?? []).map(photoUrl)} />
    </View>
  );
}

/** The handler's answer and the enterprise's score. */
export function ResultCard({ request: r }: { request: RequestSummary }) {
  if (!r.result && !r.score) return null;
  return (
    <View className='card'>
      <View className='card__title'>办理结果</View>
      <ResultKindTag request={r} />
      {r.result && <View className='detail-result'>{r.result}</View>}
      {r.resolvedAt && <View className='muted small'>答复时间 <When at={r.resolvedAt} /></View>}
      {!!r.score && (
        <View className='detail-score'>
          <Text className='detail-score__label'>企业评价</Text>
          <Rate value={r.score} readOnly />
          {r.comment && <View className='detail-score__comment'>{r.comment}</View>}
        </View>
      )}
    </View>
  );
}

/** the detail page of another request, as this viewer opens requests */
const detailPage = (viewer: Props['viewer'] | 'desk', id: string) =>
  `/${viewer === 'enterprise' ? 'subpkg-enterprise' : viewer === 'desk' ? 'subpkg-desk' : 'subpkg-officer'}/detail/index?id=${id}`;

/** Why the request was not accepted (不予受理), and the request it repeats when it cites one. */
export function RejectionCard({ request: r, meta, viewer = 'enterprise' }: { request: RequestSummary; meta: Meta | null; viewer?: Props['viewer'] | 'desk' }) {
  if (!r.rejection) return null;
  const cited = r.rejection.duplicateOf;
  return (
    <View className='card notice-card notice-card--danger'>
      <View className='card__title'>不予受理说明</View>
      <Row label='原因类别'>{rejectKindLabel(meta, r.rejection.kind)}</Row>
      {cited && (
        <Row label='重复于'>
          <Text className='link' onClick={() => Taro.navigateTo({ url: detailPage(viewer, cited.id) })}>{cited.no}</Text>
        </Row>
      )}
      <Row label='说明'>
        <Text className='pre'>{r.rejection.reason}</Text>
      </Row>
      <Row label='时间'><When at={r.rejection.at} /></Row>
    </View>
  );
}

/** The enterprise's 申诉 against a rejection: its reason, and what it objected to. */
export function AppealCard({ request: r, meta }: { request: RequestSummary; meta: Meta | null }) {
  if (!r.appeal) return null;
  const was = r.appeal.rejection;
  return (
    <View className='card notice-card--warn appeal-card'>
      <View className='card__title'>企业申诉</View>
      <Row label='申诉理由'>
        <Text className='pre'>{r.appeal.reason}</Text>
      </Row>
      <Row label='申诉时间'><When at={r.appeal.at} /></Row>
      <Row label='原决定'>
        <Text>{`不予受理（${rejectKindLabel(meta, was.kind)}）`}</Text>
        {was.duplicateOf && <Text>，</Text>}
        {was.duplicateOf && <Text className='when'>{`重复于 ${was.duplicateOf.no}`}</Text>}
      </Row>
      <Row label='原理由'>
        <Text className='pre'>{was.reason}</Text>
      </Row>
    </View>
  );
}

/** 办理期限 with a rough time left (and the warning when the holiday calendar was missing). */
export function DeadlineValue({ request: r }: { request: RequestSummary }) {
  const left = remainingTime(r);
  return (
    <View>
      {r.dueAt ? <When at={r.dueAt} /> : <Text>{r.status === 'rejected' ? '—' : '待核定'}</Text>}
      {left && <Text className={`remaining remaining--${left.tone}`}>{left.text}</Text>}
    </View>
  );
}

function Outcome({ outcome }: { outcome: DeadlineOutcome | null }) {
  if (!outcome) return null;
  return <Text className={`deadline-outcome deadline-outcome--${outcome.tone}`}>{outcome.text}</Text>;
}

/**
 * The deadlines as they were and are (history that stays true): 办理期限 with how it was met; once
 * reopened (重办) the first deadline and its outcome stay, beside the rework deadline and count.
 * A rejected request (不予受理) has no deadline. `always`: show 办理期限 even before it is set.
 */
/** the class a card holding DeadlineRows adds so its labels fit 首次办理期限 */
export const longLabels = (r: RequestSummary) => ((r.reopenCount ?? 0) > 0 && r.status !== 'rejected' ? ' info-card--long' : '');

export function DeadlineRows({ request: r, always }: { request: RequestSummary; always?: boolean }) {
  const f = deadlineFacts(r);
  if (f.rejected) return null;
  if (f.reworks === 0) {
    if (!always && !r.dueAt && !r.level) return null;
    return (
      <Row label='办理期限'>
        <DeadlineValue request={r} />
        <Outcome outcome={f.first} />
      </Row>
    );
  }
  return (
    <>
      <Row label='首次办理期限'>
        {f.firstDueAt ? <When at={f.firstDueAt} /> : <Text>—</Text>}
        <Outcome outcome={f.first} />
      </Row>
      <Row label='重办期限'>
        <DeadlineValue request={r} />
        <Outcome outcome={f.current} />
      </Row>
      <Row label='重办次数'>{`${f.reworks} 次`}</Row>
    </>
  );
}

export function ProvisionalWarning({ request: r }: { request: RequestSummary }) {
  if (!r.slaProvisional || !r.dueAt || r.status === 'rejected') return null;
  return <View className='warn-note'>{PROVISIONAL_WARNING}</View>;
}

/** Everything both detail pages show about one request: summary, facts, result, timeline. */
export default function RequestInfo({ request: r, meta, viewer, actions }: Props) {
  const call = () => {
    if (process.env.TARO_ENV === 'weapp' && r.phone) Taro.makePhoneCall({ phoneNumber: r.phone }).catch(() => undefined);
  };
  const rejected = r.status === 'rejected';
  // 并件: handled as the main request (its handler and deadline are the main's, shown in MergedPanel)
  const merged = r.status === 'merged';
  return (
    <View>
      <RequestHead request={r} meta={meta} />
      <RejectionCard request={r} meta={meta} viewer={viewer} />
      <AppealCard request={r} meta={meta} />
      <ResultCard request={r} />

      {actions}

      <View className={`card${longLabels(r)}`}>
        <View className='card__title'>基本信息</View>
        {viewer === 'officer' && <Row label='企业'>{r.enterpriseName}</Row>}
        <Row label='联系电话'>
          <Text className={viewer === 'officer' ? 'link' : ''} onClick={call}>
            {r.phone || '—'}
          </Text>
        </Row>
        {/* a rejected request (不予受理) was handled by nobody and has no deadline */}
        {!rejected && !merged && (
          <Row label='承办人'>
            {r.assigneeName ? `${r.assigneeName}${r.assigneeRole ? `（${roleLabel(r.assigneeRole)}）` : ''}` : r.status === 'dispatch' ? '待调度员分派' : '等待分派'}
          </Row>
        )}
        <Row label='提交时间'><When at={r.createdAt} /></Row>
        {viewer === 'officer' && r.level && <Row label='诉求等级'>{levelLabel(meta, r.level)}</Row>}
        {viewer === 'officer' && r.status === 'assigned' && r.acceptDueAt && (
          <Row label='签收期限'><When at={r.acceptDueAt} /></Row>
        )}
        {!merged && <DeadlineRows request={r} />}
        {viewer === 'officer' && !!r.urgeCount && !rejected && <Row label='催办次数'>{r.urgeCount}</Row>}
        <ProvisionalWarning request={r} />
      </View>

      <View className='card'>
        <View className='card__title'>办理进度</View>
        <Timeline events={r.timeline} />
      </View>
    </View>
  );
}
