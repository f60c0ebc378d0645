import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { addDays, beijingToday } from '../../shared/format';
import { VISIT_ROUTES } from '../../shared/visit-routes';
import { usePagedList } from '../../shared/use-paged-list';
import { callService, errorText } from '../../services/call';
import { ErrorState, ListFooter, ListState, Loading } from '../../components/StateView';
import { Select } from '../components/Inputs';
import { VisitCard } from '../components/VisitParts';
import type { Figures, ScoreShown, SupervisorVisit, StaffVisit, VisitList, VisitOptions } from '../types';
import '../visit.css';
import './index.css';

type Tab = 'all' | 'flagged' | 'red' | 'open';
type Range = '30' | '365' | 'all';
const RANGES: { key: Range; label: string }[] = [
  { key: '30', label: '近30天' },
  { key: '365', label: '近一年' },
  { key: 'all', label: '全部' },
];

const scoreText = (s: ScoreShown) => (s.avg !== null ? s.avg.toFixed(1) : s.hidden ? '—' : '暂无');

function FiguresPanel({ f }: { f: Figures }) {
  const max = Math.max(1, ...f.byPurpose.map((p) => p.count));
  const supervisor = f.scope === 'supervisor';
  return (
    <View>
      <View className='figure-grid'>
        <View className='figure'>
          <View className='figure__value'>{f.enterprisesVisited}</View>
          <View className='figure__label'>入企企业（家）</View>
        </View>
        <View className='figure'>
          <View className='figure__value'>{f.visits}</View>
          <View className='figure__label'>入企次数</View>
        </View>
        <View className='figure'>
          <View className='figure__value figure__value--orange'>{f.flagged}</View>
          <View className='figure__label'>预警入企</View>
        </View>
        <View className='figure'>
          <View className='figure__value figure__value--red'>{f.red}</View>
          <View className='figure__label'>{supervisor ? '红色预警' : '无报批执法'}</View>
        </View>
        <View className='figure'>
          <View className='figure__value figure__value--green'>{scoreText(f.score)}</View>
          <View className='figure__label'>企业评分（{f.score.count} 条）</View>
        </View>
        <View className='figure'>
          <View className='figure__value'>{supervisor ? f.complaints ?? 0 : f.requestsFiled}</View>
          <View className='figure__label'>{supervisor ? '企业投诉' : '代报诉求'}</View>
        </View>
      </View>
      {f.score.hidden && <View className='hint desk__hint'>评价不足规定条数时不显示部门平均分，防止推断出单个企业的评价。</View>}

      <View className='card'>
        <View className='card__title'>按入企事由</View>
        {f.byPurpose.map((p) => (
          <View className='bar' key={p.key}>
            <Text className='bar__label'>{p.label}</Text>
            <View className='bar__track'>
              <View className={`bar__fill${p.key === 'inspection' || p.key === 'joint' ? ' bar__fill--purple' : ''}`} style={{ width: `${(p.count / max) * 100}%` }} />
            </View>
            <Text className='bar__value'>{p.count}</Text>
          </View>
        ))}
      </View>

      <View className='card'>
        <View className='card__title'>按部门</View>
        <View className='table'>
          <View className='table__row table__row--head'>
            <Text className='table__cell table__cell--main'>部门</Text>
            <Text className='table__cell'>入企</Text>
            <Text className='table__cell'>企业</Text>
            <Text className='table__cell'>预警</Text>
            <Text className='table__cell'>评分</Text>
            {supervisor && <Text className='table__cell'>投诉</Text>}
          </View>
          {f.byDepartment.map((d) => (
            <View className='table__row' key={d.deptId}>
              <Text className='table__cell table__cell--main'>{d.deptName}</Text>
              <Text className='table__cell'>{d.visits}</Text>
              <Text className='table__cell'>{d.enterprises}</Text>
              <Text className={`table__cell${d.flagged ? ' desk__warn' : ''}`}>{d.flagged}</Text>
              <Text className='table__cell'>{scoreText(d.score)}</Text>
              {supervisor && <Text className={`table__cell${d.complaints ? ' desk__danger' : ''}`}>{d.complaints ?? 0}</Text>}
            </View>
          ))}
          {f.byDepartment.length === 0 && <View className='muted small desk__none'>暂无数据</View>}
        </View>
      </View>

      <View className='card'>
        <View className='card__title'>预警类型</View>
        <View className='chips'>
          {f.flags.map((x) => (
            <Text key={x.key} className='chip chip--static'>
              {x.label}
              <Text className='chip__count'>{x.count}</Text>
            </Text>
          ))}
        </View>
        {supervisor && f.mostVisited && f.mostVisited.length > 0 && (
          <>
            <View className='section-title desk__sub'>入企最频繁的企业（非企业申请）</View>
            {f.mostVisited.map((e) => (
              <View className='bar' key={e.enterpriseId}>
                <Text className='desk__ent'>{e.enterpriseName}</Text>
                <Text className='bar__value desk__ent-count'>{e.unrequested} 次</Text>
              </View>
            ))}
          </>
        )}
      </View>
    </View>
  );
}

/** The visit desk: figures and the list of visits with their flags (dispatchers, leaders, departments). */
export default function VisitDeskPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(params.flagged ? 'flagged' : 'all');
  const [range, setRange] = useState<Range>('30');
  const [flag, setFlag] = useState('');
  const [purpose, setPurpose] = useState('');
  const [figures, setFigures] = useState<Figures | null>(null);
  const [figError, setFigError] = useState('');
  const [options, setOptions] = useState<VisitOptions | null>(null);

  const from = range === 'all' ? undefined : addDays(beijingToday(), -Number(range) + 1);
  const filters = {
    // the flag and purpose chosen, as the server listed them
    from, flag: options?.flags.find((f) => f.key === flag)?.key, purpose: options?.purposes.find((p) => p.key === purpose)?.key,
    ...(tab === 'flagged' ? { flagged: true } : tab === 'red' ? { red: true } : tab === 'open' ? { status: 'open' as const } : {}),
  };
  const list = usePagedList<StaffVisit | SupervisorVisit, VisitList>((page) => callService('visit.list', { ...filters, page }));
  const counts = list.last?.counts;

  const loadFigures = () =>
    callService('visit.figures', { from })
      .then((f) => {
        setFigures(f);
        setFigError('');
      })
      .catch((e) => setFigError(errorText(e)));

  useEffect(() => {
    callService('visit.options').then(setOptions).catch(() => undefined);
  }, []);
  useDidShow(() => {
    list.reload();
    loadFigures();
  });
  usePullDownRefresh(() => {
    Promise.all([list.reload(), loadFigures()]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    list.loadMore();
  });

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    list.reset();
    list.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab, flag, purpose, range]);
  useEffect(() => {
    if (!first.current) loadFigures();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [range]);

  const supervisor = figures?.scope === 'supervisor' || list.last?.scope === 'supervisor';
  const TABS: { key: Tab; label: string; count?: number }[] = [
    { key: 'all', label: '全部', count: counts?.all },
    { key: 'flagged', label: '预警', count: counts?.flagged },
    { key: 'red', label: supervisor ? '红色' : '无报批', count: counts?.red },
    { key: 'open', label: '入企中', count: counts?.open },
  ];

  return (
    <View className='page page--wide desk'>
      <View className='visit-hero'>
        <View className='visit-hero__kicker'>公务入企扫码备案 · 无事不扰</View>
        <View className='visit-hero__title'>{supervisor ? '入企监管' : figures?.scope === 'dept' ? '本部门入企' : '我的入企'}</View>
        <View className='visit-hero__sub'>
          {supervisor ? '入企次数、事由、部门、预警与企业评价；评价人仅本中心可见' : '入企记录与统计；企业评价对被访部门匿名'}
        </View>
      </View>

      <View className='chips desk__ranges'>
        {RANGES.map((r) => (
          <Text key={r.key} className={`chip${range === r.key ? ' chip--active' : ''}`} onClick={() => setRange(r.key)}>
            {r.label}
          </Text>
        ))}
        <Text className='chip' onClick={() => Taro.navigateTo({ url: VISIT_ROUTES.plans })}>
          检查计划 ›
        </Text>
      </View>

      {figError && <ErrorState message={figError} onRetry={loadFigures} />}
      {!figures && !figError && <Loading />}
      {figures && <FiguresPanel f={figures} />}

      <View className='section-title'>入企记录</View>
      <View className='tabs desk__tabs'>
        {TABS.map((t) => (
          <View key={t.key} className={`tabs__item${t.key === tab ? ' tabs__item--active' : ''}`} onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
            {t.count !== undefined && <Text className='tabs__count'>{t.count}</Text>}
          </View>
        ))}
      </View>
      <View className='desk__filters'>
        <View className='desk__filter'>
          <Select value={flag} onChange={setFlag} emptyLabel='全部预警类型' options={(options?.flags ?? []).map((f) => ({ value: f.key, label: f.label }))} />
        </View>
        <View className='desk__filter'>
          <Select value={purpose} onChange={setPurpose} emptyLabel='全部事由' options={(options?.purposes ?? []).map((p) => ({ value: p.key, label: p.label }))} />
        </View>
      </View>

      <ListState list={list} empty='没有符合条件的入企记录' />
      {list.items.map((v) => {
        const sup = 'score' in v ? v : null;
        return (
          <VisitCard
            key={v._id}
            visit={v}
            onClick={() => Taro.navigateTo({ url: VISIT_ROUTES.detail(v._id) })}
            extra={
              sup && (sup.score || sup.complaintCount > 0) ? (
                <View className='desk__feedback'>
                  {sup.score && <Text>企业评分 {sup.score.avg} 分（{sup.score.count} 人）</Text>}
                  {sup.complaintCount > 0 && <Text className='desk__danger'> · 投诉 {sup.complaintCount} 件</Text>}
                </View>
              ) : null
            }
          />
        );
      })}
      <ListFooter loading={list.loading} hasMore={list.hasMore} count={list.items.length} />
    </View>
  );
}
