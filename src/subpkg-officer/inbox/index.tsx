import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Inbox, InboxTab, RequestSummary } from '../../shared/api-types';
import { ROUTES } from '../../shared/routes';
import { useTabbedInbox } from '../../shared/use-tabbed-inbox';
import { callService } from '../../services/call';
import { canAskConsent, requestSubscribe } from '../../services/subscribe';
import RequestCard from '../../components/RequestCard';
import { EmptyState, ErrorState, ListFooter, Loading } from '../../components/StateView';
import './index.css';

const TABS: { key: InboxTab; title: string; empty: string }[] = [
  { key: 'todo', title: '待签收', empty: '暂无待签收的工单' },
  { key: 'doing', title: '办理中', empty: '暂无办理中的工单' },
  { key: 'done', title: '已办结', empty: '暂无已完成的工单' },
];


export default function InboxPage() {
  // WeChat, or the H5 demo's simulated sheet; an explicit tap, so it always asks
  const canSubscribe = canAskConsent() && !!SUBSCRIBE_TEMPLATES.newAssignment?.templateId;
  const { tab, switchTab, meta, list, counts } = useTabbedInbox<InboxTab, RequestSummary, Inbox>('todo', (tab, page) => callService<Inbox>('officer.inbox', { tab, page }));

  const current = TABS.find((t) => t.key === tab)!;
  return (
    <View className='inbox'>
      <View className='tabs'>
        {TABS.map((t) => (
          <View key={t.key} className={`tabs__item${t.key === tab ? ' tabs__item--active' : ''}`} onClick={() => switchTab(t.key)}>
            <Text className='tabs__title'>{t.title}</Text>
            {counts && <Text className='tabs__count'>{counts[t.key]}</Text>}
          </View>
        ))}
      </View>
      <View className='page'>
        {canSubscribe && (
          <View className='inbox__subscribe link' onClick={() => requestSubscribe('newAssignment')}>
            订阅新工单提醒
          </View>
        )}
        {list.error && list.items.length === 0 && <ErrorState message={list.error} onRetry={list.reload} />}
        {!list.loaded && !list.error && <Loading />}
        {list.loaded && !list.error && list.items.length === 0 && <EmptyState text={current.empty} />}
        {list.items.map((r) => (
          <RequestCard
            key={r._id}
            request={r}
            meta={meta}
            viewer='officer'
            onClick={() => Taro.navigateTo({ url: ROUTES.officerDetail(r._id) })}
          />
        ))}
        <ListFooter loading={list.loading} hasMore={list.hasMore} count={list.items.length} />
      </View>
    </View>
  );
}
