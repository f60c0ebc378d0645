// 延期申请 on a request: the pending one and every decided one, as both the officer and the desk see them.
import { View, Text } from '@tarojs/components';
import type { ExtensionRequest, RequestSummary } from '../shared/api-types';
import When from './When';
import './Extensions.css';

const STATUS: Record<string, { label: string; tone: string }> = {
  pending: { label: '待审批', tone: 'pending' },
  approved: { label: '已批准', tone: 'approved' },
  refused: { label: '未批准', tone: 'refused' },
};

const OPEN = ['queued', 'dispatch', 'assigned', 'accepted', 'paused', 'supervised'];
/** as the server's livePending: a pending one lapses when the request is answered or its clock restarts */
const extensionLapsed = (r: RequestSummary) =>
  !!r.extension && r.extension.status === 'pending' && (!OPEN.includes(r.status) || (!!r.startedAt && r.extension.at < r.startedAt));

/** a pending one whose clock ended (answered, closed) lapsed; the server keeps it as refused by nobody */
export function ExtensionItem({ ext, lapsed: lapsedPending }: { ext: ExtensionRequest; lapsed?: boolean }) {
  const lapsed = lapsedPending || (ext.status === 'refused' && !ext.decidedById);
  const s = lapsed ? { label: '已失效', tone: 'lapsed' } : STATUS[ext.status] ?? { label: ext.status, tone: 'pending' };
  return (
    <View className={`ext-item ext-item--${s.tone}`}>
      <View className='ext-item__head'>
        <Text className='ext-item__date'>申请延至 <Text className='when'>{ext.requestedDate}</Text></Text>
        <Text className={`ext-item__status ext-item__status--${s.tone}`}>{s.label}</Text>
      </View>
      <View className='ext-item__meta'>
        {ext.byName} · <When at={ext.at} />
        {ext.previousDueAt && (
          <>
            {' · 原期限 '}
            <When at={ext.previousDueAt} />
          </>
        )}
      </View>
      <View className='ext-item__text'>理由：{ext.reason}</View>
      {lapsed && <View className='ext-item__decision'>{ext.note ?? '诉求已办结，申请未经审批即失效'}</View>}
      {ext.decidedAt && !lapsed && (
        <View className='ext-item__decision'>
          {ext.decidedByName ?? '调度员'} <When at={ext.decidedAt} /> {ext.status === 'approved' ? '批准' : '不批准'}
          {ext.note ? `：${ext.note}` : ''}
        </View>
      )}
    </View>
  );
}

/** the pending extension first, then the decided ones, newest first; nothing when there are none */
export default function ExtensionRecords({ request: r, title = '延期申请' }: { request: RequestSummary; title?: string }) {
  const decided = [...(r.extensions ?? [])].reverse();
  if (!r.extension && !decided.length) return null;
  return (
    <View className='ext-records'>
      {title && <View className='action-block__title'>{title}</View>}
      {r.extension && <ExtensionItem ext={r.extension} lapsed={extensionLapsed(r)} />}
      {decided.map((e) => (
        <ExtensionItem key={e.id} ext={e} />
      ))}
    </View>
  );
}
