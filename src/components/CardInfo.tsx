import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import type { Card, CardParty } from '../shared/api-types';
import When from './When';
import AttachmentList from './Attachments';
import { PARTY_ROLE_LABELS } from '../shared/labels';
import './CardInfo.css';

export const CARD_STATUS: Record<Card['status'], string> = { open: '督办中', answered: '已答复', returned: '已退回', withdrawn: '已撤回' };

/** a department's part as the dispatcher and the departments read it */
export type PartyState = 'issued' | 'overdue' | 'accepted' | 'replied' | 'returned' | 'closed';
export const PARTY_STATE: Record<PartyState, string> = {
  issued: '待接收',
  overdue: '逾期未接收',
  accepted: '已接收',
  replied: '已答复',
  returned: '已退回',
  closed: '已关闭',
};

export function partyState(p: CardParty, now = Date.now()): PartyState {
  if (p.status === 'issued') return p.acceptDueAt && new Date(p.acceptDueAt).getTime() < now ? 'overdue' : 'issued';
  return p.status;
}

/** accepted after its accept deadline */
export const acceptedLate = (p: CardParty) => !!p.acceptedAt && !!p.acceptDueAt && p.acceptedAt > p.acceptDueAt;

/**
 * A supervision card (督办卡): deadline, instructions, and each department's part: whether and
 * when it accepted, its opinion or final answer, a return's reason, the urges; then the lead's
 * 办理进展. `partyActions` puts controls under a department (the dispatcher's 催办 / 结束协办).
 */
export default function CardInfo({ card, title = '督办卡', partyActions, mine }: {
  card: Card;
  title?: string;
  partyActions?: (p: CardParty) => ReactNode;
  /** the viewing department: its part is marked 本部门 */
  mine?: string | null;
}) {
  const parties = [...card.parties].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
  const progress = card.progress ?? [];
  const changes = card.deadlineChanges ?? [];
  return (
    <View className='card supervision-card'>
      <View className='detail-head__top'>
        <Text className='card__title supervision-card__title'>{title}</Text>
        <Text className={`status-tag card-status-${card.status}`}>{CARD_STATUS[card.status] ?? card.status}</Text>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>督办卡号</Text>
        <View className='info-row__value mono'>{card.no}</View>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>办理时限</Text>
        <View className='info-row__value'>
          <Text className='when'>{card.deadline}</Text> 前
          {changes.length > 0 && <Text className='card-note'>（已调整 {changes.length} 次）</Text>}
        </View>
      </View>
      {changes.map((c, i) => (
        <View className='card-history' key={`${c.at}-${i}`}>
          <When at={c.at} /> {c.byName} 将期限由 <Text className='when'>{c.from}</Text> 调整为 <Text className='when'>{c.to}</Text>：{c.reason}
        </View>
      ))}
      <View className='info-row'>
        <Text className='info-row__label'>下发</Text>
        <View className='info-row__value'>
          {card.issuedByName} · <When at={card.issuedAt} />
        </View>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>督办要求</Text>
        <View className='info-row__value pre'>{card.instructions || '—'}</View>
      </View>
      {card.withdrawal && (
        <View className='card-withdrawn'>
          {card.withdrawal.byName} 于 <When at={card.withdrawal.at} /> 撤回：{card.withdrawal.reason}
        </View>
      )}
      <View className='parties'>
        {parties.map((p) => {
          const state = partyState(p);
          const lead = p.role === 'lead';
          return (
            <View className={`party party--${state}`} key={`${p.deptId}-${p.role}`} id={`party-${p.deptId}`}>
              <View className='party__head'>
                <Text className='party__name'>{p.deptName}</Text>
                <Text className={`party__role party__role--${p.role}`}>{PARTY_ROLE_LABELS[p.role] ?? p.role}</Text>
                {mine === p.deptId && <Text className='party__mine'>本部门</Text>}
                <Text className={`party__status party__status--${state}`}>{PARTY_STATE[state]}</Text>
              </View>
              <View className='party__facts'>
                {p.acceptDueAt && <Text className='party__fact'>接收期限 <When at={p.acceptDueAt} /></Text>}
                {p.acceptedAt && (
                  <Text className={`party__fact${acceptedLate(p) ? ' party__fact--late' : ''}`}>
                    接收于 <When at={p.acceptedAt} />
                    {acceptedLate(p) ? '（逾期接收）' : ''}
                    {p.status === 'accepted' && p.handlerName ? ` · ${p.handlerName}` : ''}
                  </Text>
                )}
                {(p.urgeCount ?? 0) > 0 && <Text className='party__fact party__fact--late'>催办 {p.urgeCount} 次</Text>}
              </View>
              {p.reply && (
                <View className={`party__text${lead ? ' party__text--final' : ''}`}>
                  {lead ? '最终答复' : '协办意见'}：{p.reply}
                  <AttachmentList items={p.replyAttachments} />
                </View>
              )}
              {p.reason && <View className='party__text party__text--returned'>退回原因：{p.reason}</View>}
              {p.closed && (
                <View className='party__text party__text--closed'>
                  调度员结束协办：{p.closed.reason}（{p.closed.byName} · <When at={p.closed.at} />）
                </View>
              )}
              {(p.status === 'replied' || p.status === 'returned') && p.handlerName && (
                <View className='party__meta'>
                  {p.handlerName}
                  {p.at && (
                    <>
                      {' · '}
                      <When at={p.at} />
                    </>
                  )}
                </View>
              )}
              {partyActions?.(p)}
            </View>
          );
        })}
      </View>
      {progress.length > 0 && (
        <View className='card-progress'>
          <View className='card-progress__title'>牵头部门办理进展</View>
          {progress.map((x, i) => (
            <View className='card-progress__item' key={`${x.at}-${i}`}>
              <View className='card-progress__meta'>
                <When at={x.at} /> · {x.byName}（{x.deptName}）
              </View>
              <View className='card-progress__text'>{x.text}</View>
              <AttachmentList items={x.attachments} />
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
