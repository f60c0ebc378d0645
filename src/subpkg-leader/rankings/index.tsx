import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROUTES } from '../../shared/routes';
import When from '../../components/When';
import { ApiError, callService, errorText, toastError } from '../../services/call';
import { EmptyState, ErrorState, Loading } from '../../components/StateView';
import PeriodBar from '../components/PeriodBar';
import { currentKey, pct, queryFromParams } from '../format';
import type { PeriodQuery, RankingSummary } from '../types';
import type { RankedUnit, RankingList, RankingSettings } from './types';
import '../leader.css';
import './index.css';

type Kind = 'month' | 'quarter' | 'year';

/** the stored list's id of a period (core/stats/period.ts): M202611, Q20264, Y2026 */
function listId(kind: Kind, key: string): string {
  if (kind === 'month') return `M${key.replace('-', '')}`;
  if (kind === 'quarter') return `Q${key.slice(0, 4)}${key.slice(6)}`;
  return `Y${key}`;
}

function unitType(u: RankedUnit) {
  return u.kind === 'department' ? '部门' : `${u.tierLabel ?? ''}中心`;
}

function ListCard({ tone, title, subtitle, units }: { tone: 'red' | 'yellow'; title: string; subtitle: string; units: RankedUnit[] }) {
  return (
    <View className={`card honour honour--${tone}`}>
      <View className='honour__head'>
        <Text className='honour__title'>{title}</Text>
        <Text className='honour__subtitle'>{subtitle}</Text>
      </View>
      {units.length === 0 && <View className='honour__empty'>本期无</View>}
      {units.map((u, i) => (
        <View key={u.id} className='honour__item'>
          <Text className='honour__no'>{i + 1}</Text>
          <View className='honour__body'>
            <View className='honour__name'>
              {u.name}
              <Text className='honour__type'>{unitType(u)}</Text>
            </View>
            <View className='honour__reasons'>{u.reasons.join('；')}</View>
          </View>
          <View className='honour__score'>
            <Text className='honour__score-value'>{u.score ?? '—'}</Text>
            <Text className='honour__score-unit'>分</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/** what weighs against the unit this period, beside the columns (扣分项) */
function faults(u: RankedUnit): string[] {
  const f = u.figures;
  const out: string[] = [];
  if (f.cardsLate) out.push(`督办卡超时接收${f.cardsLate}张`);
  if (f.notAccepted) out.push(`未接收${f.notAccepted}张`);
  if (f.handBacks) out.push(`退回改派${f.handBacks}次`);
  if (f.unsatisfied) out.push(`回访不满意${f.unsatisfied}次`);
  return out;
}

/**
 * The ranking as a table. On a phone it keeps the columns that rank (得分, 按期率, 满意度, 超期) and
 * puts the unit's other figures on a line under its row; a desk screen shows them as columns (leader.css).
 */
function RankTable({ units, title }: { units: RankedUnit[]; title: string }) {
  const ranked = units.filter((u) => u.eligible);
  if (!ranked.length) return null;
  const dept = ranked[0].kind === 'department';
  return (
    <View className='rank-block'>
      <View className='rank-block__title'>{title}</View>
      <View className='ftable rank-table'>
        <View className='ftable__row ftable__row--head'>
          <Text className='ftable__cell rank-table__rank'>排名</Text>
          <Text className='ftable__cell ftable__cell--name'>单位</Text>
          <Text className='ftable__cell ftable__cell--score'>得分</Text>
          <Text className='ftable__cell ftable__cell--desk ftable__cell--long'>{dept ? '督办卡' : '收集'}</Text>
          <Text className='ftable__cell ftable__cell--long'>按期率</Text>
          <Text className='ftable__cell ftable__cell--long'>满意度</Text>
          <Text className='ftable__cell ftable__cell--desk ftable__cell--long'>重办率</Text>
          <Text className='ftable__cell'>超期</Text>
          <Text className='ftable__cell ftable__cell--desk'>催办</Text>
        </View>
        {ranked.map((u) => {
          const bad = faults(u);
          const f = u.figures;
          return (
            <View key={u.id} className={`rank-table__unit${u.list ? ` rank-table__row--${u.list}` : ''}`} data-unit={u.id}>
              <View className='ftable__row rank-table__row'>
                <Text className='ftable__cell rank-table__rank'>{u.rank}</Text>
                <View className='ftable__cell ftable__cell--name'>
                  {u.name}
                  {u.list && <Text className={`rank-flag rank-flag--${u.list}`}>{u.list === 'red' ? '红榜' : '黄榜'}</Text>}
                </View>
                <Text className='ftable__cell ftable__cell--score'>{u.score}</Text>
                <Text className='ftable__cell ftable__cell--desk ftable__cell--long'>{f.collected}</Text>
                <Text className='ftable__cell ftable__cell--long'>{pct(f.onTimeRate, 0)}</Text>
                <Text className='ftable__cell ftable__cell--long'>{pct(f.satisfactionRate, 0)}</Text>
                <Text className='ftable__cell ftable__cell--desk ftable__cell--long'>{pct(f.reopenRate, 0)}</Text>
                <Text className={`ftable__cell${f.overdue ? ' ftable__cell--bad' : ''}`}>{f.overdue}</Text>
                <Text className='ftable__cell ftable__cell--desk'>{f.urges}</Text>
              </View>
              <View className='ftable__more rank-table__more'>
                <Text className='ftable__fig'>{dept ? `督办卡${f.collected}张` : `收集${f.collected}项`}</Text>
                <Text className='ftable__fig'>重办率{pct(f.reopenRate, 0)}</Text>
                <Text className='ftable__fig'>催办{f.urges}次</Text>
              </View>
              {bad.length > 0 && <View className='rank-table__faults'>{bad.join(' · ')}</View>}
            </View>
          );
        })}
      </View>
    </View>
  );
}

/** units not ranked this period (样本不足), apart from the ranking, each with why */
function Unranked({ units }: { units: RankedUnit[] }) {
  const rest = units.filter((u) => !u.eligible);
  if (!rest.length) return null;
  return (
    <View className='card unranked'>
      <View className='card__title'>
        样本不足<Text className='unranked__hint'>不参与排名，不上榜</Text>
      </View>
      {rest.map((u) => {
        const f = u.figures;
        const bad = faults(u);
        const dept = u.kind === 'department';
        return (
          <View key={u.id} className='unranked__item' data-unit={u.id}>
            <View className='unranked__head'>
              <Text className='unranked__name'>{u.name}</Text>
              <Text className='honour__type'>{unitType(u)}</Text>
              <Text className='unranked__badge'>样本不足</Text>
            </View>
            <View className='unranked__reason'>{(u.reasons[0] ?? '样本不足').replace(/^样本不足：/, '')}</View>
            <View className='unranked__figures'>
              {dept ? `督办卡${f.collected}张` : `收集${f.collected}项`} · 办结{f.closed} · 在办{f.inProgress}
              {f.overdue ? ` · 超期${f.overdue}` : ''}
              {bad.length ? ` · ${bad.join(' · ')}` : ''}
            </View>
          </View>
        );
      })}
    </View>
  );
}

function Method({ s }: { s: RankingSettings }) {
  const w = s.weights;
  // lists computed before the formula measured card acceptance, hand-backs and callbacks
  const old = w.cardAccept === undefined;
  return (
    <View className='card method'>
      <View className='card__title'>评分办法</View>
      {old && <View className='method__line method__note'>本期榜单按旧评分办法计算，点击“重新计算”按现行办法生成。</View>}
      <View className='method__line'>综合得分 = 100 × Σ（权重 × 分项）÷ Σ权重，只计本期能衡量的分项：</View>
      <View className='method__item'>按期办结率（权重{w.onTime}）：首次答复超期的诉求计为超期，重办后按期办结也不改变；</View>
      <View className='method__item'>满意度（{w.satisfaction}）：企业评价4-5分的占比；</View>
      <View className='method__item'>1−重办率（{w.reopen}）：企业退回重办、回访不满意都计为重办；</View>
      <View className='method__item'>1−超期数÷到期可判数（{w.overdue}）、1−催办次数÷到期可判数（{w.urges}）：到期可判数 = 计时办结数 + 在办超期数，尚未答复也未超期的诉求不计；</View>
      {!old && (
        <>
          <View className='method__item'>回访满意率（{w.callback}）：1−回访不满意次数÷回访联系上次数；</View>
          <View className='method__item'>1−退回改派次数÷收集数（{w.handBack}，街道、社区）：网格员退回改派计入诉求所在中心；</View>
          <View className='method__item'>督办卡按时接收率（{w.cardAccept}，部门）：超过接收期限才接收、或到期仍未接收的督办卡计为超时接收。</View>
        </>
      )}
      <View className='method__line'>
        部门按本期下发的督办卡统计，只有接收并参与办理的督办卡计入办结、按期和满意度；未接收的督办卡计“未接收”。街道、社区按本期受理的诉求（按受理日期）统计。
      </View>
      <View className='method__line'>
        <Text className='method__muted'>样本不足</Text>：收集诉求少于 {s.minCases} 项（部门：督办卡少于 {s.minCases} 张），或本期尚无可衡量事项（计时办结、在办超期、评价、回访、退回改派、超时接收均为0）的单位，不参与排名，不上榜。
      </View>
      <View className='method__line'>
        <Text className='method__red'>红榜</Text>：综合得分 ≥ {s.red.minScore} 分、超期 ≤ {s.red.maxOverdue} 项、至少办结 {s.red.minClosed} 项
        {!old && `、督办卡超时接收 ≤ ${s.red.maxLateCards ?? 0} 张、回访不满意 ≤ ${s.red.maxUnsatisfied ?? 0} 次`}，按得分取前 {s.red.maxSize} 名。
      </View>
      <View className='method__line'>
        <Text className='method__yellow'>黄榜</Text>：综合得分低于 {s.yellow.belowScore} 分，或按期办结率低于 {pct(s.yellow.onTimeBelow, 0)}，或超期 ≥ {s.yellow.overdueAtLeast} 项，或满意度低于{' '}
        {pct(s.yellow.satisfactionBelow, 0)}
        {!old && `，或督办卡超时接收 ≥ ${s.yellow.lateCardsAtLeast ?? 2} 张`}，按得分由低到高取前 {s.yellow.maxSize} 名；上黄榜的单位不上红榜。
      </View>
    </View>
  );
}

export default function RankingsPage() {
  const { params } = useRouter();
  const [query, setQuery] = useState<PeriodQuery>(() => queryFromParams(params));
  const [list, setList] = useState<RankingList | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(true);
  const [computing, setComputing] = useState(false);
  const [past, setPast] = useState<RankingSummary[]>([]);
  const generation = useRef(0);

  const kind = query.period as Kind;
  const key = query.key ?? currentKey(kind);
  /** this month's and this quarter's lists are kept by the timer (core/rankings refreshRankings) */
  const current = kind !== 'year' && key === currentKey(kind);
  /** the latest list computed, offered when this period has none yet */
  const latest = past.find((p) => p.id !== listId(kind, key));

  const loadPast = () => callService('rankings.list').then((r) => setPast(r.items)).catch(() => undefined);
  const load = async () => {
    const gen = ++generation.current;
    setLoading(true);
    try {
      const res = await callService('rankings.get', { id: listId(kind, key) });
      if (gen !== generation.current) return;
      setList(res);
      setMissing(false);
      setError('');
    } catch (e) {
      if (gen !== generation.current) return;
      if (e instanceof ApiError && e.code === 'NOT_FOUND') {
        setList(null);
        setMissing(true);
        setError('');
      } else setError(errorText(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  };
  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, key]);
  useEffect(() => {
    loadPast();
  }, []);

  const compute = async () => {
    if (computing) return;
    setComputing(true);
    try {
      const res = await callService('rankings.compute', { period: kind, key });
      setList(res);
      setMissing(false);
      loadPast();
      Taro.showToast({ title: '红黄榜已生成', icon: 'success' });
    } catch (e) {
      toastError(e);
    } finally {
      setComputing(false);
    }
  };

  const departments = list?.units.filter((u) => u.kind === 'department') ?? [];
  const centers = list?.units.filter((u) => u.kind === 'center') ?? [];
  return (
    <View className='page page--wide leader rankings'>
      <View className='card leader-filters'>
        <PeriodBar value={query} onChange={setQuery} kinds={['month', 'quarter', 'year']} label={list?.period.label} />
        <View className='rankings-toolbar'>
          <View className='rankings-toolbar__meta'>
            {list ? (
              <>
                <View>
                  计算时间 <When at={list.computedAt} />
                </View>
                <View>{list.computedBy ? `${list.computedBy.name}手动计算` : '系统自动计算'}{current ? '，每小时更新' : ''}</View>
              </>
            ) : missing ? (
              current ? '本期红黄榜尚未计算，系统每小时自动计算' : '本期红黄榜尚未生成'
            ) : (
              ''
            )}
          </View>
          <View className='rankings-toolbar__actions'>
            <Button type='primary' loading={computing} onClick={compute}>
              {list ? '重新计算' : '生成本期红黄榜'}
            </Button>
            <Button fill='outline' onClick={() => Taro.navigateTo({ url: ROUTES.briefing(kind, key) })}>
              简报
            </Button>
          </View>
        </View>
      </View>

      {!list && !missing && error && <ErrorState message={error} onRetry={load} />}
      {!list && !missing && !error && loading && <Loading />}
      {missing && !list && (
        <EmptyState text={current ? '本期红黄榜尚未计算' : '本期红黄榜尚未生成'}>
          <View className='muted small'>
            {current ? '系统每小时自动计算本月、本季度的红黄榜；也可' : ''}点击“生成本期红黄榜”，按本期数据计算各部门、各中心的得分与排名。
          </View>
          {latest && (
            <Text className='link rankings-latest' onClick={() => setQuery({ period: latest.period.kind as Kind, key: latest.period.key })}>
              查看最近一期：{latest.period.label} ›
            </Text>
          )}
        </EmptyState>
      )}

      {list && (
        <View className={loading ? 'leader-body leader-body--loading' : 'leader-body'}>
          <View className='honours'>
            <ListCard tone='red' title='红榜' subtitle='表扬' units={list.red} />
            <ListCard tone='yellow' title='黄榜' subtitle='警示' units={list.yellow} />
          </View>
          <View className='card'>
            <View className='card__title'>综合排名</View>
            <RankTable units={departments} title='部门' />
            <RankTable units={centers} title='街道、社区优化中心' />
            {!list.units.some((u) => u.eligible) && <View className='muted small'>本期没有单位达到排名条件。</View>}
          </View>
          <Unranked units={list.units} />
          <Method s={list.settings} />
        </View>
      )}

      {past.length > 0 && (
        <View className='card past'>
          <View className='card__title'>往期榜单</View>
          {past.map((p) => (
            <View
              key={p.id}
              className={`past__item${list?._id === p.id ? ' past__item--active' : ''}`}
              onClick={() => setQuery({ period: p.period.kind as Kind, key: p.period.key })}
            >
              <View className='past__period'>{p.period.label}</View>
              <View className='past__names'>
                <Text className='past__red'>红榜：{p.red.length ? p.red.join('、') : '无'}</Text>
                <Text className='past__yellow'>黄榜：{p.yellow.length ? p.yellow.join('、') : '无'}</Text>
              </View>
              <Text className='past__arrow'>›</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
