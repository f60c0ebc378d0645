import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Rate } from '@nutui/nutui-react-taro';
import type { Meta, RequestDetail } from '../shared/api-types';
import { formatTime } from '../shared/format';
import { roleLabel } from '../shared/labels';
import { categoryLabel, statusLabel } from '../services/profile';
import { photoUrl } from '../services/upload';
import StatusTag from './StatusTag';
import PhotoGrid from './PhotoGrid';
import Timeline from './Timeline';

type Props = {
  request: RequestDetail;
  meta: Meta | null;
  viewer: 'enterprise' | 'officer';
  /** the viewer's action forms, shown right after the request and its result */
  actions?: ReactNode;
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <View className='info-row__value'>{children}</View>
    </View>
  );
}

/** Everything both detail pages show about one request: summary, facts, result, timeline. */
export default function RequestInfo({ request: r, meta, viewer, actions }: Props) {
  const call = () => {
    if (process.env.TARO_ENV === 'weapp' && r.phone) Taro.makePhoneCall({ phoneNumber: r.phone }).catch(() => undefined);
  };
  return (
    <View>
      <View className='card detail-head'>
        <View className='detail-head__top'>
          <Text className='detail-head__category'>{categoryLabel(meta, r.category)}</Text>
          <StatusTag status={r.status} label={statusLabel(meta, r.status)} />
        </View>
        <View className='detail-head__no'>工单号 {r.no}</View>
        <View className='detail-head__desc'>{r.description}</View>
        <PhotoGrid urls={r.photos.map(photoUrl)} />
      </View>

      {(r.result || r.score) && (
        <View className='card'>
          <View className='card__title'>办理结果</View>
          {r.result && <View className='detail-result'>{r.result}</View>}
          {r.resolvedAt && <View className='muted small'>答复时间 {formatTime(r.resolvedAt)}</View>}
          {!!r.score && (
            <View className='detail-score'>
              <Text className='detail-score__label'>企业评价</Text>
              <Rate value={r.score} readOnly />
              {r.comment && <View className='detail-score__comment'>{r.comment}</View>}
            </View>
          )}
        </View>
      )}

      {actions}

      <View className='card'>
        <View className='card__title'>基本信息</View>
        {viewer === 'officer' && <Row label='企业'>{r.enterpriseName}</Row>}
        <Row label='联系电话'>
          <Text className={viewer === 'officer' ? 'link' : ''} onClick={call}>
            {r.phone || '—'}
          </Text>
        </Row>
        <Row label='承办人'>
          {r.assigneeName ? `${r.assigneeName}${r.assigneeRole ? `（${roleLabel(r.assigneeRole)}）` : ''}` : '等待分派'}
        </Row>
        <Row label='提交时间'>{formatTime(r.createdAt)}</Row>
        {r.reopenCount > 0 && <Row label='退回次数'>{r.reopenCount}</Row>}
      </View>

      <View className='card'>
        <View className='card__title'>办理进度</View>
        <Timeline events={r.timeline} />
      </View>
    </View>
  );
}
