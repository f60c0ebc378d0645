import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { DeskOptions, NotifyStats, Tier } from '../../shared/api-types';
import { TIER_LABELS } from '../../shared/labels';
import { ROUTES } from '../../shared/routes';
import { callService } from '../../services/call';
import { useQuery } from '../../shared/use-query';
import { currentMe } from '../../services/profile';
import When from '../../components/When';
import { QueryState } from '../../components/StateView';
import { Select } from '../../components/Select';
import EChart, { type ChartClick } from '../components/EChart';
import PeriodBar from '../components/PeriodBar';
import { defaultQuery, num, pct } from '../format';
import { categoryOption, colourOption, drillFilters, pointDates, topCategories, trendOption, TREND_BARS, type HeadFigure, type RowKind } from './charts';
import type { BreakdownRow, PeriodQuery } from '../types';
import '../leader.css';
import './index.css';

/** a headline figure; one that counts requests opens them in the ledger (onClick) */
function Kpi({ label, value, unit, tone, hint, wide, onClick }: { label: string; value: string | number; unit?: string; tone?: string; hint?: string; wide?: boolean; onClick?: () => void }) {
  return (
    <View className={`kpi${tone ? ` kpi--${tone}` : ''}${wide ? ' kpi--wide-only' : ''}${onClick ? ' kpi--link' : ''}`} onClick={onClick}>
      <View className='kpi__value'>
        <Text>{value}</Text>
        {unit && <Text className='kpi__unit'>{unit}</Text>}
      </View>
      <View className='kpi__label'>{label}</View>
      {hint && <View className='kpi__hint'>{hint}</View>}
    </View>
  );
}

/**
 * a breakdown: on a phone 在办 leaves its column for the line under the name (leader.css). A row
 * opens its requests in the ledger (onOpen), its 超期 figure the row's overdue ones.
 */
function Table({ rows, first, showExtra, onOpen }: { rows: BreakdownRow[]; first: string; showExtra?: boolean; onOpen?: (row: BreakdownRow, figure: HeadFigure) => void }) {
  return (
    <View className='ftable'>
      <View className='ftable__row ftable__row--head'>
        <Text className='ftable__cell ftable__cell--name'>{first}</Text>
        <Text className='ftable__cell'>收集</Text>
        <Text className='ftable__cell'>办结</Text>
        <Text className='ftable__cell ftable__cell--desk'>在办</Text>
        <Text className='ftable__cell ftable__cell--long'>按期率</Text>
        <Text className='ftable__cell ftable__cell--long'>满意度</Text>
        <Text className='ftable__cell'>超期</Text>
      </View>
      {rows.map((r) => (
        <View key={r.id} className={`ftable__row${onOpen ? ' ftable__row--link' : ''}`} data-row={r.id} onClick={onOpen ? () => onOpen(r, 'collected') : undefined}>
          <View className='ftable__cell ftable__cell--name'>
            <View>
              {r.name}
              {showExtra && r.extra && <Text className='ftable__tag'>{r.extra}</Text>}
              {onOpen && <Text className='ftable__go'>›</Text>}
            </View>
            <View className='ftable__more'>
              <Text className='ftable__fig'>在办{r.inProgress}项</Text>
            </View>
          </View>
          <Text className='ftable__cell'>{r.collected}</Text>
          <Text className='ftable__cell'>{r.closed}</Text>
          <Text className='ftable__cell ftable__cell--desk'>{r.inProgress}</Text>
          <Text className='ftable__cell ftable__cell--long'>{pct(r.onTimeRate, 0)}</Text>
          <Text className='ftable__cell ftable__cell--long'>{pct(r.satisfactionRate, 0)}</Text>
          <Text
            className={`ftable__cell${r.overdue ? ' ftable__cell--bad' : ''}${onOpen && r.overdue ? ' ftable__cell--link' : ''}`}
            onClick={onOpen && r.overdue ? (e) => { e.stopPropagation(); onOpen(r, 'overdue'); } : undefined}
          >
            {r.overdue}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** 提醒发送: what left the app per channel in the period, and the WeChat consents it spent */
function NotifySection({ stats }: { stats: NotifyStats }) {
  return (
    <View className='card notify-stats'>
      <View className='card__title'>提醒发送</View>
      <View className='ftable'>
        <View className='ftable__row ftable__row--head'>
          <Text className='ftable__cell ftable__cell--name'>渠道</Text>
          <Text className='ftable__cell ftable__cell--long'>已发送</Text>
          <Text className='ftable__cell ftable__cell--long'>无授权</Text>
          <Text className='ftable__cell'>失败</Text>
          <Text className='ftable__cell ftable__cell--long'>未配置</Text>
          <Text className='ftable__cell ftable__cell--long'>待发送</Text>
        </View>
        {stats.channels.map((c) => (
          <View key={c.channel} className='ftable__row'>
            <Text className='ftable__cell ftable__cell--name'>{c.label}</Text>
            <Text className='ftable__cell ftable__cell--long'>{c.sent}</Text>
            <Text className='ftable__cell ftable__cell--long'>{c.noConsent}</Text>
            <Text className={`ftable__cell${c.failed ? ' ftable__cell--bad' : ''}`}>{c.failed}</Text>
            <Text className='ftable__cell ftable__cell--long'>{c.skipped}</Text>
            <Text className='ftable__cell ftable__cell--long'>{c.pending}</Text>
          </View>
        ))}
      </View>
      <View className='notify-stats__spent'>
        消耗微信一次性订阅授权 <Text className='notify-stats__num'>{stats.consentsSpent}</Text> 次
      </View>
      <View className='leader-note'>
        按提醒生成时间统计。无授权：微信提醒为收件人没有可用的订阅次数；短信为无手机号、未开通短信或超出每日上限。未配置：部署方尚未开通该渠道或模板。提醒未能站外送达时仍保存在消息中心。
      </View>
    </View>
  );
}

const TIER_KEYS = Object.keys(TIER_LABELS) as Tier[];

export default function DashboardPage() {
  const [query, setQuery] = useState<PeriodQuery>(() => defaultQuery('month'));
  const [tier, setTier] = useState<Tier | ''>('');
  const [departmentId, setDepartmentId] = useState('');
  /** the group (大类) whose categories (小类) show below the chart */
  const [openGroup, setOpenGroup] = useState('');
  const [departments, setDepartments] = useState<DeskOptions['departments'] | null>(null);
  /** leaders and dispatchers see what the reminders did (stats.notify); null while unknown or not theirs */
  const [notify, setNotify] = useState<NotifyStats | null>(null);
  const [notifyAllowed, setNotifyAllowed] = useState(false);

  useEffect(() => {
    currentMe()
      .then((m) => setNotifyAllowed(m.user.roles.includes('leader') || m.user.roles.includes('dispatcher')))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!notifyAllowed || (query.period === 'custom' && (!query.from || !query.to))) return;
    let live = true;
    // the same period the dashboard shows
    const { period, key, from, to } = query;
    callService('stats.notify', { period, ...(key ? { key } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) })
      .then((s) => live && setNotify(s))
      .catch(() => live && setNotify(null));
    return () => {
      live = false;
    };
  }, [query, notifyAllowed]);

  useEffect(() => {
    // leaders and dispatchers may filter by department; a department handler sees its own only
    callService('desk.options').then((o) => setDepartments(o.departments)).catch(() => undefined);
  }, []);

  const { data, loading, error, load } = useQuery(
    () =>
      query.period === 'custom' && (!query.from || !query.to)
        ? null
        : callService('stats.dashboard', { ...query, ...(tier ? { tier } : {}), ...(departmentId ? { departmentId } : {}) }),
    [query, tier, departmentId],
  );

  const trend = useMemo(() => (data ? trendOption(data) : null), [data]);
  const colours = useMemo(() => (data ? colourOption(data) : null), [data]);
  const cats = useMemo(() => (data?.byCategory?.length ? categoryOption(data.byCategory) : null), [data]);

  const f = data?.figures;
  const desk = !!departments;

  /** the ledger, listing what a figure (of a row) counts: same period, same scope */
  const drill = (figure: HeadFigure, row?: { kind: RowKind; id: string }, dates?: { from: string; to: string }) => {
    if (!data) return;
    const scope = { ...(tier ? { tier } : {}), ...(departmentId ? { departmentId } : {}) };
    Taro.navigateTo({ url: ROUTES.ledger(drillFilters(dates ?? data.period, scope, figure, row)) });
  };
  const rowOpener = (kind: RowKind) => (r: BreakdownRow, figure: HeadFigure) => drill(figure, { kind, id: r.id });
  /** a trend bar: that day's (month's) requests of the bar's kind */
  const onTrend = (p: ChartClick) => {
    const point = data && p.dataIndex !== undefined ? data.trend[p.dataIndex] : undefined;
    const figure = p.componentType === 'series' && p.seriesIndex !== undefined ? TREND_BARS[p.seriesIndex] : undefined;
    if (data && point && figure) drill(figure, undefined, pointDates(point.key, data.period));
  };
  /** a group's bar or label: its categories (小类) open below the chart, each opening its requests */
  const onCategory = (p: ChartClick) => {
    const row = data?.byCategory && p.dataIndex !== undefined ? topCategories(data.byCategory)[p.dataIndex] : undefined;
    if (row) setOpenGroup(row.id);
  };
  const group = data?.byCategory?.find((g) => g.id === openGroup) ?? null;
  return (
    <View className='page page--wide leader'>
      <View className='card leader-filters'>
        <PeriodBar value={query} onChange={setQuery} label={data?.period.label} />
        {desk && (
          <View className='leader-filters__row'>
            <View className='leader-filters__cell'>
              <Select
                value={tier}
                options={TIER_KEYS.map((k) => ({ value: k, label: `${TIER_LABELS[k]}级` }))}
                emptyLabel='全部层级'
                onChange={(v) => {
                  // the tier chosen, as the server names it
                  const chosen = TIER_KEYS.find((k) => k === v) ?? '';
                  setTier(chosen);
                  if (chosen) setDepartmentId('');
                }}
              />
            </View>
            <View className='leader-filters__cell'>
              <Select
                value={departmentId}
                options={departments!.map((d) => ({ value: d.id, label: d.name }))}
                emptyLabel='全部部门'
                onChange={(v) => { setDepartmentId(v); if (v) setTier(''); }}
              />
            </View>
            <View className='leader-links'>
              <Text className='leader-link' onClick={() => Taro.navigateTo({ url: ROUTES.rankings })}>红黄榜 ›</Text>
              <Text className='leader-link' onClick={() => Taro.navigateTo({ url: ROUTES.briefing(query.period === 'custom' ? 'month' : query.period, query.key) })}>简报 ›</Text>
            </View>
          </View>
        )}
      </View>

      <QueryState loaded={!!data} error={error} onRetry={load} errorClass='leader-error' />

      {data && f && (
        <View className={loading ? 'leader-body leader-body--loading' : 'leader-body'}>
          <View className='card headline'>
            <View className='headline__scope'>
              <Text className='headline__tag'>{data.scope.label}</Text>
              <Text className='headline__period'>
                {data.period.label}（<Text className='when'>{data.period.from}</Text> 至 <Text className='when'>{data.period.to}</Text>，按受理日期统计）
              </Text>
            </View>
            {data.headline.map((s, i) => (
              <View key={i} className={i === 0 ? 'headline__lead' : 'headline__line'}>
                {s}
              </View>
            ))}
          </View>

          <View className='kpis'>
            <Kpi label='收集问题' value={f.collected} unit='项' hint={data.instantAnswers ? `另有 ${data.instantAnswers} 问由政策问答即时解答` : undefined} onClick={() => drill('collected')} />
            <Kpi label='办结' value={f.closed} unit='项' tone='good' onClick={() => drill('closed')} />
            <Kpi label='正在办理' value={f.inProgress} unit='项' tone='blue' onClick={() => drill('inProgress')} />
            <Kpi label='不予受理' value={f.rejected} unit='项' wide onClick={() => drill('rejected')} />
            <Kpi label='按期办结率' value={pct(f.onTimeRate)} tone={f.onTimeRate !== null && f.onTimeRate < 0.8 ? 'bad' : undefined} />
            <Kpi label='满意度' value={pct(f.satisfactionRate)} hint={f.meanScore !== null ? `平均 ${num(f.meanScore)} 分` : '暂无评价'} />
            <Kpi label='重办率' value={pct(f.reopenRate)} />
            <Kpi label='平均办结用时' value={num(f.meanDaysToClose)} unit='工作日' />
            <Kpi label='超期' value={f.overdue} unit='项' tone={f.overdue ? 'bad' : undefined} hint={f.urges || f.enterpriseUrges ? [f.urges ? `催办 ${f.urges} 次` : '', f.enterpriseUrges ? `企业催办 ${f.enterpriseUrges} 次` : ''].filter(Boolean).join('，') : undefined} onClick={() => drill('overdue')} />
            <Kpi label='走访企业' value={f.enterprisesVisited} unit='家' hint={`走访 ${f.visits} 次`} />
          </View>

          <View className='leader-grid'>
            <View className='card leader-grid__wide'>
              <View className='card__title'>{data.period.granularity === 'day' ? '每日诉求趋势' : '每月诉求趋势'}</View>
              {trend && <EChart option={trend} height={240} onClick={onTrend} />}
            </View>
            <View className='card leader-grid__half'>
              <View className='card__title'>台账颜色分布</View>
              {colours && <EChart option={colours} height={220} />}
            </View>
            {cats && (
              <View className='card leader-grid__half'>
                <View className='card__title'>问题类别（按大类，点按看小类）</View>
                <EChart option={cats} height={220} onClick={onCategory} />
                <View className='chips leader-groups'>
                  {data.byCategory!.map((g) => (
                    <Text key={g.id} className={`chip${group?.id === g.id ? ' chip--active' : ''}`} onClick={() => setOpenGroup(group?.id === g.id ? '' : g.id)}>
                      {g.name}<Text className='chip__count'>{g.collected}</Text>
                    </Text>
                  ))}
                </View>
                {group && (
                  <View className='leader-group'>
                    <Table rows={[group, ...(group.children ?? [])].map((r, i) => (i === 0 ? { ...r, name: `${r.name}（全部）` } : r))} first='类别' onOpen={rowOpener('category')} />
                  </View>
                )}
              </View>
            )}
          </View>

          {data.byDepartment && (
            <View className='card'>
              <View className='card__title'>部门办理情况</View>
              <Table rows={data.byDepartment} first='部门' onOpen={rowOpener('department')} />
              <View className='leader-note'>部门按督办卡统计：一件诉求涉及的牵头和协办部门各计一次。</View>
            </View>
          )}
          {data.byCenter && data.byCenter.length > 0 && (
            <View className='card'>
              <View className='card__title'>各级优化中心</View>
              <Table rows={data.byCenter} first='中心' showExtra onOpen={rowOpener('center')} />
            </View>
          )}
          {data.byChannel && data.byChannel.length > 0 && (
            <View className='card'>
              <View className='card__title'>收集渠道</View>
              <Table rows={data.byChannel} first='渠道' onOpen={rowOpener('channel')} />
            </View>
          )}
          {notify && <NotifySection stats={notify} />}
          {!data.scope.whole && <View className='leader-note leader-note--center'>按类别、部门的分布在全区范围显示。</View>}
          <View className='leader-note leader-note--center'>点按收集、办结、在办、超期等数字，图中的柱条、类别，或表格中的一行，查看对应的诉求台账。</View>
          <View className='leader-note leader-note--center'>
            数据截至 <When at={data.asOf} />，随每次办理实时累计。
          </View>
        </View>
      )}
    </View>
  );
}
