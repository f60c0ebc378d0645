import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Answer } from '../../../core/contract/answers';
import type { RequestSummary } from '../../shared/api-types';
import { ROUTES } from '../../shared/routes';
import { useTabbedInbox } from '../../shared/use-tabbed-inbox';
import { callService } from '../../services/call';
import { RequestCards } from '../../components/RequestCard';
import InboxTabs from '../../components/InboxTabs';
import { ListState } from '../../components/StateView';
import './index.css';

type Tab = 'open' | 'answered' | 'all';
const TABS: { key: Tab; title: string; empty: string }[] = [
  { key: 'open', title: '办理中', empty: '暂无办理中的诉求' },
  { key: 'answered', title: '已答复', empty: '暂无已答复的诉求' },
  { key: 'all', title: '全部', empty: '您还没有代企业反映过诉求' },
];

/**
 * 我代报的诉求: what the caller filed for enterprises (request.filedByMe), a CPPCC member's
 * (政协委员直通车) way to follow them: status, ledger colour and deadline on each card, the detail on tap.
 */
export default function FiledPage() {
  // the home page's 待办 figures open their tab (?tab=answered)
  const { params } = useRouter();
  const first = TABS.find((t) => t.key === params.tab)?.key ?? 'open';
  const { tab, switchTab, meta, list, counts } = useTabbedInbox<Tab, RequestSummary, Answer<'request.filedByMe'>>(first, (tab, page) => callService('request.filedByMe', { tab, page }));
  const current = TABS.find((t) => t.key === tab)!;
  return (
    <View className='inbox'>
      <InboxTabs tabs={TABS} active={tab} counts={counts} onSwitch={switchTab} />
      <View className='page'>
        <View className='muted small filed__hint'>企业联系人同步收到通知，可在“我的诉求”中跟踪并评价办理结果。</View>
        <ListState list={list} empty={current.empty} />
        <RequestCards list={list} meta={meta} viewer='officer' detailUrl={ROUTES.officerDetail} />
        <View className='filed__new'>
          <Button block onClick={() => Taro.navigateTo({ url: ROUTES.fileFor })}>代企业反映新问题</Button>
        </View>
      </View>
    </View>
  );
}
