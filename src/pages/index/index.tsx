import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Me } from '../../shared/api-types';
import type { Answer } from '../../../core/contract/answers';
import { isDepartment, isDesk, isHandler } from '../../shared/labels';
import RoleTags from '../../components/RoleTags';
import { ROUTES } from '../../shared/routes';
import { isVisitStaff, VISIT_ROUTES } from '../../shared/visit-routes';
import { callService, errorText } from '../../services/call';
import { loadMe } from '../../services/profile';
import { offerTopUp, primeNotifySettings } from '../../services/subscribe';
import { NOTIFY_ROUTES } from '../../shared/notify-routes';
import AccountLinks from '../../components/AccountLinks';
import { ErrorState, Loading } from '../../components/StateView';
import CountBadge from '../../components/CountBadge';
import './index.css';

/** onTap runs first, inside the tap (a WeChat subscribe request must start there) */
type Icon = 'edit' | 'list' | 'inbox' | 'flag' | 'pie' | 'grid' | 'award' | 'doc' | 'usercheck' | 'gear' | 'building' | 'qr' | 'scan' | 'idcard' | 'eye' | 'calendar' | 'mail' | 'user';
type EntryProps = { title: string; hint: string; icon: Icon; tone: string; url: string; badge?: number; onTap?: () => void };

function Entry({ title, hint, icon, tone, url, badge, onTap }: EntryProps) {
  return (
    <View
      className='entry'
      onClick={() => {
        onTap?.();
        Taro.navigateTo({ url });
      }}
    >
      <View className={`entry__icon entry__icon--${tone}`}>
        <View className={`ico ico--${icon}`} />
      </View>
      <View className='entry__body'>
        <Text className='entry__title'>{title}</Text>
        <Text className='entry__hint'>{hint}</Text>
      </View>
      {!!badge && <CountBadge count={badge} />}
      <Text className='entry__arrow'>›</Text>
    </View>
  );
}

type HomeTodo = Answer<'home.todo'>;
type TodoKey = HomeTodo['todo'][number]['key'];

/** each 待办 figure: its words, its colour when it is not zero, and the list it opens */
const TODO: Record<TodoKey, { label: string; tone: 'red' | 'orange' | 'blue'; url: string }> = {
  supplement: { label: '需补充材料', tone: 'orange', url: `${ROUTES.myRequests}?tab=supplement` },
  rate: { label: '待评价', tone: 'blue', url: `${ROUTES.myRequests}?tab=rate` },
  overdue: { label: '超期', tone: 'red', url: `${ROUTES.myRequests}?tab=overdue` },
  accept: { label: '待签收', tone: 'orange', url: `${ROUTES.inbox}?tab=todo` },
  handling: { label: '办理中', tone: 'blue', url: `${ROUTES.inbox}?tab=doing` },
  overdueMine: { label: '超期', tone: 'red', url: `${ROUTES.inbox}?tab=doing` },
  dispatch: { label: '待调度', tone: 'orange', url: ROUTES.ledger({ status: 'dispatch' }) },
  callbackDue: { label: '待回访', tone: 'blue', url: ROUTES.ledger({ callback: 'due' }) },
  cards: { label: '待接收督办卡', tone: 'orange', url: ROUTES.cardInbox },
  filedOpen: { label: '代报办理中', tone: 'blue', url: `${ROUTES.filed}?tab=open` },
  filedAnswered: { label: '代报已答复', tone: 'blue', url: `${ROUTES.filed}?tab=answered` },
};

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** 待办: what waits for this user, each figure opening its list; a leader's month in three figures */
function TodoBand({ data }: { data: HomeTodo }) {
  const go = (url: string) => Taro.navigateTo({ url });
  return (
    <View className='todo'>
      {data.todo.length > 0 && (
        <View className='todo__row'>
          {data.todo.map(({ key, count }) => (
            <View key={key} className={`todo__item${count ? ` todo__item--${TODO[key].tone}` : ''}`} onClick={() => go(TODO[key].url)}>
              <Text className='todo__count'>{count}</Text>
              <Text className='todo__label'>{TODO[key].label}</Text>
            </View>
          ))}
        </View>
      )}
      {data.month && (
        <View className='todo__row'>
          <View className='todo__item' onClick={() => go(ROUTES.dashboard)}>
            <Text className='todo__count'>{data.month.collected}</Text>
            <Text className='todo__label'>本月收集</Text>
          </View>
          <View className={`todo__item${data.month.overdue ? ' todo__item--red' : ''}`} onClick={() => go(ROUTES.ledger({ figure: 'overdue', from: data.month!.from, to: data.month!.to }))}>
            <Text className='todo__count'>{data.month.overdue}</Text>
            <Text className='todo__label'>本月超期</Text>
          </View>
          <View className='todo__item' onClick={() => go(ROUTES.dashboard)}>
            <Text className='todo__count'>{percent(data.month.satisfactionRate)}</Text>
            <Text className='todo__label'>满意度</Text>
          </View>
        </View>
      )}
    </View>
  );
}

export default function Home() {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState('');
  /** binding requests waiting for this user's approval (grid officers, enterprise first contacts) */
  const [approvals, setApprovals] = useState(0);
  const [todo, setTodo] = useState<HomeTodo | null>(null);

  const refresh = () => {
    loadMe()
      .then((m) => {
        setMe(m);
        setError('');
        // what this user holds for WeChat reminders, once per session: natural taps ask only when it is low
        primeNotifySettings();
        callService('home.todo').then(setTodo).catch(() => setTodo(null));
        if (m.user.roles.includes('officer') || m.user.enterpriseId) {
          callService('binding.list', { tab: 'pending' })
            .then((d) => setApprovals(d.items.length))
            .catch(() => setApprovals(0));
        }
      })
      .catch((e) => setError(errorText(e)));
  };
  useDidShow(refresh);

  const switchUser = <AccountLinks />;

  if (!me) {
    return (
      <View className='page'>
        {error ? <ErrorState message={error} onRetry={refresh} /> : <Loading />}
        {switchUser}
      </View>
    );
  }

  const { user, unread } = me;
  const isEnterprise = user.roles.includes('enterprise');
  const handler = isHandler(user.roles);
  const dispatcher = user.roles.includes('dispatcher');
  const desk = isDesk(user.roles);
  const department = isDepartment(user.roles);
  const admin = user.roles.includes('admin');
  // 政协委员直通车: files for the district's enterprises and follows what it filed, nothing else
  const cppcc = user.roles.includes('cppcc');

  return (
    <View className='page home'>
      <View className='home__hero'>
        <View className='home__app'>营商环境 · 诉求直通</View>
        <View className='home__hello'>{user.name}，您好</View>
        <RoleTags roles={user.roles} block='home' />
        {user.enterprise && <View className='home__enterprise'>{user.enterprise.name}</View>}
      </View>

      {todo && (todo.todo.length > 0 || todo.month) && <TodoBand data={todo} />}

      {isEnterprise && !user.enterprise && me.binding?.status === 'pending' && (
        <View className='card home__bind'>
          <View className='home__bind-title'>绑定申请审核中</View>
          <View className='home__bind-text'>
            已提交“{me.binding.enterpriseName}”的绑定申请，等待 {me.binding.approverName || '审核人'} 审核。审核通过后即可在线反映问题。
          </View>
          <Button size='large' block onClick={() => Taro.navigateTo({ url: ROUTES.bind })}>
            查看申请
          </Button>
        </View>
      )}
      {isEnterprise && !user.enterprise && me.binding?.status !== 'pending' && (
        <View className='card home__bind'>
          <View className='home__bind-title'>尚未关联企业</View>
          <View className='home__bind-text'>关联您所在的企业后，即可在线反映经营中遇到的问题，并随时查看办理进度。</View>
          <Button type='primary' size='large' block onClick={() => Taro.navigateTo({ url: ROUTES.bind })}>
            绑定企业
          </Button>
        </View>
      )}

      <View className='entries'>
        {isEnterprise && user.enterprise && (
          <>
            <Entry title='提交诉求' hint='反映经营中遇到的困难和问题' icon='edit' tone='blue' url={ROUTES.submit} />
            <Entry title='我的诉求' hint='查看办理进度，评价办理结果' icon='list' tone='green' url={ROUTES.myRequests} />
          </>
        )}
        {handler && (
          // entering the inbox is a natural moment to top up new-work reminders (only when they run low)
          <Entry title='我的工单' hint='处理分派给我的企业诉求' icon='inbox' tone='orange' url={ROUTES.inbox} onTap={() => offerTopUp('newAssignment')} />
        )}
        {handler && <Entry title='代企业反映' hint='企业电话、座谈或走访中提出的问题，代为提交' icon='edit' tone='blue' url={ROUTES.fileFor} />}
        {cppcc && !handler && <Entry title='代企业反映' hint='政协委员直通车：企业向您反映的问题，代为提交' icon='edit' tone='blue' url={ROUTES.fileFor} />}
        {cppcc && <Entry title='我代报的诉求' hint='跟踪代企业反映的诉求：办理状态、期限与结果' icon='list' tone='green' url={ROUTES.filed} />}
        {dispatcher && (
          <Entry title='待调度' hint='核实定级、分派、督办待处理的诉求' icon='flag' tone='red' url={ROUTES.ledger({ status: 'dispatch' })} />
        )}
        {dispatcher && <Entry title='会议诉求录入' hint='茶叙会、企业家日上企业提出的问题，逐条生成诉求' icon='calendar' tone='green' url={ROUTES.meeting} />}
        {dispatcher && <Entry title='疑似重复 · 并件' hint='不同企业反映的同一问题，合并为一件办理' icon='doc' tone='blue' url={ROUTES.duplicates} />}
        {dispatcher && <Entry title='12345工单导入' hint='导入热线系统导出的涉企工单，不重复导入' icon='doc' tone='orange' url={ROUTES.hotline} />}
        {desk && <Entry title='数据看板' hint='收集、办结、按期办结率、满意度与趋势' icon='pie' tone='purple' url={ROUTES.dashboard} />}
        {desk && <Entry title='台账' hint='红黄绿白四色台账，筛选、导出' icon='grid' tone='blue' url={ROUTES.ledger()} />}
        {desk && <Entry title='红黄榜与简报' hint='部门和属地排名，红榜表扬、黄榜警示，生成简报' icon='award' tone='red' url={ROUTES.rankings} />}
        {department && <Entry title='督办卡' hint='接收、答复本部门的督办卡' icon='doc' tone='orange' url={ROUTES.cardInbox} />}
        {(user.roles.includes('officer') || (isEnterprise && user.enterprise)) && (
          <Entry
            title={isEnterprise ? '企业联系人' : '企业绑定审核'}
            hint={isEnterprise ? '审核本企业新联系人的绑定申请' : '审核本网格企业首位联系人的绑定申请'}
            icon='usercheck'
            tone='green'
            url={ROUTES.approvals}
            badge={approvals}
          />
        )}
        {admin && <Entry title='管理后台' hint='组织架构、人员、企业名录、规则配置、操作日志' icon='gear' tone='blue' url={ROUTES.admin} />}
        {isEnterprise && user.enterprise && (
          <>
            <Entry title='入企记录' hint='公务人员入企记录、检查预告，匿名评价与投诉' icon='building' tone='green' url={VISIT_ROUTES.history()} />
            <Entry title='公务入企码' hint='打印张贴“公务入企 请扫码备案”海报' icon='qr' tone='red' url={VISIT_ROUTES.poster()} />
          </>
        )}
        {isVisitStaff(user.roles) && (
          <>
            <Entry title='扫码入企' hint='进门扫码签到，离开扫码签退' icon='scan' tone='blue' url={VISIT_ROUTES.scan()} />
            <Entry title='我的亮证码' hint='出示给企业核验身份和入企事由' icon='idcard' tone='green' url={VISIT_ROUTES.officialCode} />
          </>
        )}
        {(desk || department) && (
          <Entry title={desk ? '入企监管' : '本部门入企'} hint='入企统计、无事不扰预警、企业评价' icon='eye' tone='orange' url={VISIT_ROUTES.desk()} />
        )}
        {(department || dispatcher) && <Entry title='检查计划' hint='检查预告，多部门合并为联合检查' icon='calendar' tone='purple' url={VISIT_ROUTES.plans} />}
        <Entry title='消息中心' hint='办理进度与工作提醒' icon='mail' tone='purple' url={ROUTES.messages} badge={unread} />
        <Entry title='我的' hint='个人信息、提醒设置（微信提醒与短信）' icon='user' tone='blue' url={NOTIFY_ROUTES.me} />
      </View>

      {!isEnterprise && !handler && !desk && !department && !admin && !cppcc && <View className='home__note'>当前角色在移动端暂无待办事项，可在消息中心查看提醒。</View>}

      {/* an invitation turns a WeChat user who is nobody yet into staff: bound or staff users have no use for it */}
      {isEnterprise && !user.enterprise && user.roles.length === 1 && (
        <View className='home__invite' onClick={() => Taro.navigateTo({ url: ROUTES.invite })}>
          工作人员？使用邀请码
        </View>
      )}
      <View className='home__footer'>无事不扰 · 有求必应</View>
      {switchUser}
    </View>
  );
}
