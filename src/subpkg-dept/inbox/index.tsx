import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { CardList, CardSummary, InboxTab } from '../../shared/api-types';
import { beijingToday, formatTime } from '../../shared/format';
import { CARD_STATUS } from '../../components/CardInfo';
import { ROUTES } from '../../shared/routes';
import { useTabbedInbox } from '../../shared/use-tabbed-inbox';
import { callService } from '../../services/call';
import { categoryLabel } from '../../services/profile';
import InboxTabs from '../../components/InboxTabs';
import { ListFooter, ListState } from '../../components/StateView';
import './index.css';

const TABS: { key: InboxTab; title: string; empty: string }[] = [
  { key: 'todo', title: '待接收', empty: '暂无待接收的督办卡' },
  { key: 'doing', title: '办理中', empty: '暂无办理中的督办卡' },
  { key: 'done', title: '已完成', empty: '暂无已答复、退回或结束的督办卡' },
];

export default function CardInboxPage() {
  const { tab, switchTab, meta, list, counts } = useTabbedInbox<InboxTab, CardSummary, CardList>('todo', (tab, page) => callService('card.list', { tab, page }));

  const current = TABS.find((t) => t.key === tab)!;
  const today = beijingToday();
  return (
    <View className='card-inbox'>
      <InboxTabs tabs={TABS} active={tab} counts={counts} onSwitch={switchTab} />
      <View className='page'>
        <ListState list={list} empty={current.empty} />
        {list.items.map((c) => {
          const lead = c.parties.filter((p) => p.role === 'lead').map((p) => p.deptName);
          const co = c.parties.filter((p) => p.role === 'co').map((p) => p.deptName);
          const overdue = c.status === 'open' && c.deadline < today;
          // every part of a card shares the accept deadline set at issue
          const acceptDue = tab === 'todo' && c.status === 'open' ? c.parties[0]?.acceptDueAt : null;
          const acceptLate = !!acceptDue && new Date(acceptDue).getTime() < Date.now();
          return (
            <View key={c._id} className='card request-card' onClick={() => Taro.navigateTo({ url: ROUTES.deptCard(c._id) })}>
              <View className='request-card__head'>
                <Text className='request-card__no'>{c.no}</Text>
                <Text className={`status-tag card-status-${c.status}`}>{CARD_STATUS[c.status] ?? c.status}</Text>
              </View>
              <View className='request-card__category'>
                {c.enterpriseName}
                <Text className='card-item__category'>{categoryLabel(meta, c.category)}</Text>
              </View>
              <View className='request-card__desc'>{c.description}</View>
              <View className='card-item__depts'>
                牵头：{lead.join('、') || '—'}
                {co.length > 0 && `；协办：${co.join('、')}`}
              </View>
              {acceptDue && (
                <View className={`card-item__accept${acceptLate ? ' card-item__deadline--over' : ''}`}>
                  请于 {formatTime(acceptDue)} 前接收{acceptLate ? '（已逾期，请尽快接收）' : ''}
                </View>
              )}
              <View className='card-foot'>
                <Text className={overdue ? 'card-item__deadline--over' : ''}>
                  办理时限 {c.deadline}
                  {overdue ? '（已逾期）' : ''}
                </Text>
                <Text>{formatTime(c.issuedAt)}</Text>
              </View>
            </View>
          );
        })}
        <ListFooter loading={list.loading} hasMore={list.hasMore} count={list.items.length} />
      </View>
    </View>
  );
}
