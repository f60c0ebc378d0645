import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Page, RequestSummary } from '../../shared/api-types';
import { ROUTES } from '../../shared/routes';
import { useTabbedInbox } from '../../shared/use-tabbed-inbox';
import { callService } from '../../services/call';
import { MINE_TABS } from '../../../core/contract/account';
import { RequestCards } from '../../components/RequestCard';
import SearchBar from '../../components/SearchBar';
import InboxTabs from '../../components/InboxTabs';
import { ListState } from '../../components/StateView';

type Tab = (typeof MINE_TABS)[number];
const TABS: { key: Tab; title: string; empty: string }[] = [
  { key: 'all', title: '全部', empty: '还没有反映过问题' },
  { key: 'open', title: '办理中', empty: '没有正在办理的诉求' },
  { key: 'supplement', title: '需补充', empty: '没有需要补充材料的诉求' },
  { key: 'rate', title: '待评价', empty: '没有待评价的诉求' },
  { key: 'overdue', title: '超期', empty: '没有超期的诉求' },
  { key: 'done', title: '已完结', empty: '还没有已完结的诉求' },
];
const isTab = (t: string | undefined): t is Tab => !!t && (MINE_TABS as readonly string[]).includes(t);

/** 我的诉求, by status: the home page's 待办 figures open their tab (?tab=supplement) */
export default function MyRequestsPage() {
  const { params } = useRouter();
  // the words searched for (a ref: the list's loader reads the latest), and what the box holds
  const searched = useRef('');
  const [typed, setTyped] = useState('');
  const [shown, setShown] = useState('');
  const { tab, switchTab, meta, list } = useTabbedInbox<Tab, RequestSummary, Page<RequestSummary>>(isTab(params.tab) ? params.tab : 'all', (t, page) =>
    callService('request.mine', { tab: t, page, pageSize: 10, q: searched.current }),
  );
  const current = TABS.find((t) => t.key === tab)!;
  const search = (q: string) => {
    searched.current = q.trim().slice(0, 50);
    setShown(searched.current);
    list.reset();
    list.reload();
  };

  return (
    <View className='inbox'>
      <InboxTabs tabs={TABS} active={tab} onSwitch={switchTab} />
      <View className='page'>
        <SearchBar placeholder='搜索编号、内容、类别或承办人' value={typed} maxLength={50} onChange={setTyped} onSearch={search} />
        {shown && (
          <View className='mine-search__note'>
            <Text>{`“${shown}”：找到 ${list.total} 件`}</Text>
            <Text
              className='link'
              onClick={() => {
                setTyped('');
                search('');
              }}
            >
              清除
            </Text>
          </View>
        )}
        <ListState list={list} empty={shown ? `没有找到含“${shown}”的诉求` : current.empty}>
          {tab === 'all' && !shown && (
            <Button type='primary' size='small' onClick={() => Taro.redirectTo({ url: ROUTES.submit })}>
              提交诉求
            </Button>
          )}
        </ListState>
        {list.items.length > 0 && !shown && <View className='list-total'>共 {list.total} 件</View>}
        <RequestCards list={list} meta={meta} viewer='enterprise' detailUrl={ROUTES.enterpriseDetail} />
      </View>
    </View>
  );
}
