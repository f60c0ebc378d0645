import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Inbox, InboxTab, RequestSummary } from '../../shared/api-types';
import { ROUTES } from '../../shared/routes';
import { useTabbedInbox } from '../../shared/use-tabbed-inbox';
import { callService } from '../../services/call';
import { canAskConsent, requestSubscribe } from '../../services/subscribe';
import { RequestCards } from '../../components/RequestCard';
import InboxTabs from '../../components/InboxTabs';
import { ListState } from '../../components/StateView';
import './index.css';

const TABS: { key: InboxTab; title: string; empty: string }[] = [
  { key: 'todo', title: '待签收', empty: '暂无待签收的工单' },
  { key: 'doing', title: '办理中', empty: '暂无办理中的工单' },
  { key: 'done', title: '已办结', empty: '暂无已完成的工单' },
];


export default function InboxPage() {
  // WeChat, or the H5 demo's simulated sheet; an explicit tap, so it always asks
  const canSubscribe = canAskConsent() && !!SUBSCRIBE_TEMPLATES.newAssignment?.templateId;
  // the home page's 待办 figures open their tab (?tab=doing)
  const { params } = useRouter();
  const first = TABS.find((t) => t.key === params.tab)?.key ?? 'todo';
  const { tab, switchTab, meta, list, counts } = useTabbedInbox<InboxTab, RequestSummary, Inbox>(first, (tab, page) => callService('officer.inbox', { tab, page }));

  const current = TABS.find((t) => t.key === tab)!;
  return (
    <View className='inbox'>
      <InboxTabs tabs={TABS} active={tab} counts={counts} onSwitch={switchTab} />
      <View className='page'>
        {canSubscribe && (
          <View className='inbox__subscribe link' onClick={() => requestSubscribe('newAssignment')}>
            订阅新工单提醒
          </View>
        )}
        <ListState list={list} empty={current.empty} />
        <RequestCards list={list} meta={meta} viewer='officer' detailUrl={ROUTES.officerDetail} />
      </View>
    </View>
  );
}
