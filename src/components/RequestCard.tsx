import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Meta, RequestSummary } from '../shared/api-types';
import { OPEN_STATUSES } from '../../core/contract/catalog';
import When from './When';
import { categoryLabel, statusLabel } from '../services/profile';
import StatusTag from './StatusTag';
import { ListFooter } from './StateView';

type Props = {
  request: RequestSummary;
  meta: Meta | null;
  /** handlers see which enterprise asked; enterprises see who handles it */
  viewer: 'enterprise' | 'officer';
  onClick: () => void;
};

type Marker = { text: string; tone: 'late' | 'soon' | 'plain' };

/**
 * What makes a request in a list more urgent than the next: past or near its deadline, sent back to
 * be redone, urged (催办) by the center or by the enterprise. The enterprise sees its own urges and
 * the deadline, never the internal supervision.
 */
export function markersOf(r: RequestSummary, viewer: Props['viewer']): Marker[] {
  const out: Marker[] = [];
  const open = OPEN_STATUSES.includes(r.status);
  if (open && r.colour === 'red') out.push({ text: '已超期', tone: 'late' });
  else if (open && r.colour === 'yellow') out.push({ text: '临近期限', tone: 'soon' });
  if ((r.reopenCount ?? 0) > 0 && r.status !== 'rejected' && r.status !== 'closed') out.push({ text: '重办', tone: 'soon' });
  if (open && viewer === 'officer' && (r.urgeCount ?? 0) > 0) out.push({ text: `督办催办 ${r.urgeCount} 次`, tone: 'late' });
  if (open && (r.enterpriseUrgeCount ?? 0) > 0) out.push({ text: viewer === 'officer' ? `企业催办 ${r.enterpriseUrgeCount} 次` : `已催办 ${r.enterpriseUrgeCount} 次`, tone: 'plain' });
  return out;
}

export default function RequestCard({ request: r, meta, viewer, onClick }: Props) {
  // a rejected request (不予受理) has nobody handling it, whoever was assigned before
  const who = viewer === 'officer' ? r.enterpriseName : r.status === 'rejected' ? '' : r.assigneeName ? `承办人：${r.assigneeName}` : '等待分派';
  const markers = markersOf(r, viewer);
  // an open request shows its deadline (paused: the clock stands, no deadline to show)
  const due = OPEN_STATUSES.includes(r.status) && r.status !== 'paused' ? r.dueAt : null;
  return (
    <View className='card request-card' onClick={onClick}>
      <View className='request-card__head'>
        <Text className='request-card__no'>{r.no}</Text>
        <StatusTag status={r.status} label={statusLabel(meta, r.status)} />
      </View>
      <View className='request-card__category'>{categoryLabel(meta, r.category)}</View>
      <View className='request-card__desc'>{r.description}</View>
      {(markers.length > 0 || due) && (
        <View className='request-card__marks'>
          {markers.map((m) => (
            <Text key={m.text} className={`request-card__mark request-card__mark--${m.tone}`}>{m.text}</Text>
          ))}
          {due && (
            <Text className='request-card__due'>
              期限 <When at={due} template='MM-DD HH:mm' />
            </Text>
          )}
        </View>
      )}
      <View className='card-foot'>
        <Text className='request-card__who'>{who}</Text>
        <When at={r.createdAt} />
      </View>
    </View>
  );
}

/** A list page's request cards, each opening its detail page, and the list's foot line. */
export function RequestCards({ list, meta, viewer, detailUrl }: { list: { items: RequestSummary[]; loading: boolean; hasMore: boolean }; meta: Meta | null; viewer: Props['viewer']; detailUrl: (id: string) => string }) {
  return (
    <>
      {list.items.map((r) => (
        <RequestCard key={r._id} request={r} meta={meta} viewer={viewer} onClick={() => Taro.navigateTo({ url: detailUrl(r._id) })} />
      ))}
      <ListFooter loading={list.loading} hasMore={list.hasMore} count={list.items.length} />
    </>
  );
}
