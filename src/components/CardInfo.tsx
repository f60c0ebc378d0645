import { View, Text } from '@tarojs/components';
import type { Card } from '../shared/api-types';
import { formatTime } from '../shared/format';
import { CARD_STATUS_LABELS, PARTY_ROLE_LABELS, PARTY_STATUS_LABELS } from '../shared/labels';

/** A supervision card (督办卡): deadline, instructions and each department's answer. */
export default function CardInfo({ card, title = '督办卡' }: { card: Card; title?: string }) {
  const parties = [...card.parties].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
  return (
    <View className='card supervision-card'>
      <View className='detail-head__top'>
        <Text className='card__title supervision-card__title'>{title}</Text>
        <Text className={`status-tag card-status-${card.status}`}>{CARD_STATUS_LABELS[card.status] ?? card.status}</Text>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>督办卡号</Text>
        <View className='info-row__value mono'>{card.no}</View>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>办理时限</Text>
        <View className='info-row__value'>{card.deadline} 前</View>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>下发</Text>
        <View className='info-row__value'>
          {card.issuedByName} · {formatTime(card.issuedAt)}
        </View>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>督办要求</Text>
        <View className='info-row__value pre'>{card.instructions || '—'}</View>
      </View>
      <View className='parties'>
        {parties.map((p) => (
          <View className='party' key={`${p.deptId}-${p.role}`}>
            <View className='party__head'>
              <Text className='party__name'>{p.deptName}</Text>
              <Text className={`party__role party__role--${p.role}`}>{PARTY_ROLE_LABELS[p.role] ?? p.role}</Text>
              <Text className={`party__status party__status--${p.status}`}>{PARTY_STATUS_LABELS[p.status] ?? p.status}</Text>
            </View>
            {p.reply && <View className='party__text'>答复：{p.reply}</View>}
            {p.reason && <View className='party__text party__text--returned'>退回原因：{p.reason}</View>}
            {(p.handlerName || p.at) && (
              <View className='party__meta'>
                {p.handlerName ?? ''}
                {p.handlerName && p.at ? ' · ' : ''}
                {formatTime(p.at)}
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
