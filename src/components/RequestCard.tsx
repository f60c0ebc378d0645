import { View, Text } from '@tarojs/components';
import type { Meta, RequestSummary } from '../shared/api-types';
import When from './When';
import { categoryLabel, statusLabel } from '../services/profile';
import StatusTag from './StatusTag';

type Props = {
  request: RequestSummary;
  meta: Meta | null;
  /** handlers see which enterprise asked; enterprises see who handles it */
  viewer: 'enterprise' | 'officer';
  onClick: () => void;
};

export default function RequestCard({ request: r, meta, viewer, onClick }: Props) {
  // a rejected request (不予受理) has nobody handling it, whoever was assigned before
  const who = viewer === 'officer' ? r.enterpriseName : r.status === 'rejected' ? '' : r.assigneeName ? `承办人：${r.assigneeName}` : '等待分派';
  return (
    <View className='card request-card' onClick={onClick}>
      <View className='request-card__head'>
        <Text className='request-card__no'>{r.no}</Text>
        <StatusTag status={r.status} label={statusLabel(meta, r.status)} />
      </View>
      <View className='request-card__category'>{categoryLabel(meta, r.category)}</View>
      <View className='request-card__desc'>{r.description}</View>
      <View className='request-card__foot'>
        <Text className='request-card__who'>{who}</Text>
        <When at={r.createdAt} />
      </View>
    </View>
  );
}
