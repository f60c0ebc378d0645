import { useEffect, useState } from 'react';
import { LEDGER_SEARCH_MAX } from '../../../core/contract/figures';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Colour, DeskOptions, LedgerFilters, LedgerRow, Meta } from '../../shared/api-types';
import { COLOURS } from '../../shared/colours';
import { beijingToday, formatDate, formatTime, isDateText } from '../../shared/format';
import { TIER_LABELS } from '../../shared/labels';
import { CATEGORY_FILTER_OPTIONS } from '../../../core/contract/catalog';
import { ROUTES } from '../../shared/routes';
import { NOTIFY_ROUTES } from '../../shared/notify-routes';
import { ApiError, callService, toastError } from '../../services/call';
import { useQuery } from '../../shared/use-query';
import { channelLabel, colourLabel, levelLabel, loadMeta, statusEntries, statusLabel } from '../../services/profile';
import ColourBadge from '../../components/ColourBadge';
import StatusTag from '../../components/StatusTag';
import SearchBar from '../../components/SearchBar';
import { EmptyState, QueryState } from '../../components/StateView';
import { DateInput, Select, type Option } from '../../components/Select';
import { openWorkbook } from '../../services/workbook';
import '../desk.css';
import './index.css';

const PAGE_SIZE = 20;
const FILTER_KEYS = ['colour', 'tier', 'centerId', 'departmentId', 'category', 'channel', 'status', 'assigneeId', 'callback', 'figure', 'from', 'to'] as const;

/**
 * a dashboard figure (LedgerFilter in core/contract/figures.ts), which the leaders' dashboard opens
 * the ledger with
 */
type Figure = NonNullable<LedgerFilters['figure']>;
/** what a dashboard figure lists, as the chip above the filters says it */
const FIGURE_LABELS: Record<Figure, string> = {
  done: '办结（待评价、已办结）',
  open: '正在办理',
  overdue: '超期（在办超期、超期办结）',
};
const CALLBACK_OPTIONS: Option[] = [
  { value: 'due', label: '待回访' },
  { value: 'done', label: '已回访' },
];
type FilterKey = (typeof FILTER_KEYS)[number];

/** filters given in the page URL (the home page opens ?status=dispatch for 待调度) */
function filtersFrom(params: Record<string, string | undefined>): LedgerFilters {
  const out: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = params[k];
    if (v) out[k] = decodeURIComponent(v);
  }
  return out as LedgerFilters;
}

/** the filters worth sending: empty ones dropped, half-typed dates ignored */
function cleanFilters(f: LedgerFilters): LedgerFilters {
  const out: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (!v) continue;
    if ((k === 'from' || k === 'to') && !isDateText(v)) continue;
    out[k] = v;
  }
  return out as LedgerFilters;
}

export default function LedgerPage() {
  const { params } = useRouter();
  const [filters, setFilters] = useState<LedgerFilters>(() => filtersFrom(params));
  const [page, setPage] = useState(1);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [options, setOptions] = useState<DeskOptions | null>(null);
  const [exporting, setExporting] = useState(false);
  // the words searched for (sent with the filters and the export), and what the box holds
  const [searched, setSearched] = useState(() => (params.q ? decodeURIComponent(params.q).trim().slice(0, LEDGER_SEARCH_MAX) : ''));
  const [typed, setTyped] = useState(searched);

  useEffect(() => {
    loadMeta().then(setMeta).catch(() => undefined);
    // leaders may not be allowed the desk options; the department and assignee filters then stay hidden
    callService('desk.options').then(setOptions).catch(() => undefined);
    if (params.status === 'dispatch') Taro.setNavigationBarTitle({ title: '待调度' }).catch(() => undefined);
    if (params.callback === 'due') Taro.setNavigationBarTitle({ title: '待回访' }).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // filters or page changed: fetch; coming back from a detail page: refresh what is shown
  const { data, loading, error, load } = useQuery(
    () => callService('ledger.list', { ...cleanFilters(filters), ...(searched ? { q: searched } : {}), page, pageSize: PAGE_SIZE }),
    [filters, searched, page],
    { refetchOnShow: true },
  );

  const setFilter = (key: FilterKey, value: string) => {
    setFilters((f) => ({ ...f, [key]: value || undefined }));
    setPage(1);
  };
  /** one select of the filter grid, setting its key (empty: no filter) */
  const filterSelect = (key: FilterKey, options: Option[], emptyLabel: string) => (
    <View className='ledger-filter'>
      <Select value={filters[key] ?? ''} options={options} emptyLabel={emptyLabel} onChange={(v) => setFilter(key, v)} />
    </View>
  );
  const active = Object.keys(cleanFilters(filters)).some((k) => k !== 'colour');
  const reset = () => {
    setFilters((f) => (f.colour ? { colour: f.colour } : {}));
    setPage(1);
  };

  const search = (q: string) => {
    setSearched(q.trim().slice(0, LEDGER_SEARCH_MAX));
    setPage(1);
  };
  const clearSearch = () => {
    setTyped('');
    search('');
  };

  const exportExcel = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      // a large export is a job read a slice per call (a cloud function has seconds): go on until the file is made
      let res = await callService('ledger.export', { ...cleanFilters(filters), ...(searched ? { q: searched } : {}) });
      for (let calls = 0; !res.finished && calls < 500; calls++) {
        Taro.showLoading({ title: res.message || '正在导出…', mask: true });
        res = await callService('ledger.export', { jobId: res.jobId });
      }
      Taro.hideLoading();
      // still unfinished after every call allowed: there is no file to open yet
      if (!res.finished) throw new ApiError('EXPORT_UNFINISHED', '导出尚未完成，请稍后重试');
      await openWorkbook(res, `台账-${beijingToday()}.xlsx`);
      Taro.showToast({ title: res.message || `已导出 ${res.rows} 条`, icon: 'none' });
    } catch (e) {
      Taro.hideLoading();
      toastError(e);
    } finally {
      setExporting(false);
    }
  };

  const counts = data?.counts;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  // a group (大类, all its leaves) or one leaf (小类)
  const categoryOptions: Option[] = CATEGORY_FILTER_OPTIONS;
  const channelOptions: Option[] = Object.keys(meta?.channels ?? {}).map((k) => ({ value: k, label: channelLabel(meta, k) }));
  const statusOptions: Option[] = statusEntries(meta).map(([value, label]) => ({ value, label }));
  const tierOptions: Option[] = (Object.keys(TIER_LABELS) as (keyof typeof TIER_LABELS)[]).map((k) => ({ value: k, label: TIER_LABELS[k] }));
  const centerOptions: Option[] = (options?.centers ?? [])
    .filter((c) => !filters.tier || c.kind === filters.tier)
    .map((c) => ({ value: c.id, label: c.name }));

  return (
    <View className='page page--wide ledger'>
      <View className='ledger-links'>
        <Text className='link ledger-links__link' onClick={() => Taro.navigateTo({ url: NOTIFY_ROUTES.reach })}>
          提醒触达 ›
        </Text>
      </View>
      <View className='card ledger-filters'>
        <SearchBar
          className='ledger-search'
          placeholder='搜索企业名称、信用代码、工单号或关键词'
          value={typed}
          maxLength={LEDGER_SEARCH_MAX}
          onChange={setTyped}
          onSearch={search}
        >
          {(searched || typed) && (
            <Button size='small' onClick={clearSearch}>
              清除
            </Button>
          )}
        </SearchBar>
        {searched && data?.search && (
          <View className='ledger-search__result'>
            <Text className='ledger-search__found'>{`“${searched}”：找到 ${data.counts.all} 件`}</Text>
            {data.search.note && (
              <Text className={`ledger-search__note${data.search.cut ? ' ledger-search__note--cut' : ''}`}>{data.search.note}</Text>
            )}
          </View>
        )}

        <View className='chips ledger-colours'>
          <Text
            className={`chip${!filters.colour ? ' chip--active' : ''}`}
            onClick={() => setFilter('colour', '')}
          >
            全部
            {counts && <Text className='chip__count'>{counts.all}</Text>}
          </Text>
          {COLOURS.map((c: Colour) => (
            <Text
              key={c}
              className={`chip chip--colour${filters.colour === c ? ' chip--active' : ''}`}
              onClick={() => setFilter('colour', filters.colour === c ? '' : c)}
            >
              <ColourBadge colour={c} label={colourLabel(meta, c)} variant='dot' />
              {counts && <Text className='chip__count'>{counts[c]}</Text>}
            </Text>
          ))}
        </View>

        {filters.figure && FIGURE_LABELS[filters.figure] && (
          <View className='ledger-figure'>
            <Text className='ledger-figure__label'>看板口径</Text>
            <Text className='ledger-figure__chip' onClick={() => setFilter('figure', '')}>
              {FIGURE_LABELS[filters.figure]}
              <Text className='ledger-figure__clear'>×</Text>
            </Text>
          </View>
        )}

        <View className='ledger-filters__grid'>
          <View className='ledger-filter'>
            <Select
              value={filters.tier ?? ''}
              options={tierOptions}
              emptyLabel='全部层级'
              onChange={(v) => {
                // a center picked belongs to one tier: another tier lets it go
                setFilters((f) => ({ ...f, tier: (v || undefined) as LedgerFilters['tier'], centerId: undefined }));
                setPage(1);
              }}
            />
          </View>
          {(centerOptions.length > 0 || filters.centerId) &&
            filterSelect('centerId', centerOptions.length ? centerOptions : [{ value: filters.centerId!, label: '所选中心' }], '全部中心')}
          {options && filterSelect('departmentId', options.departments.map((d) => ({ value: d.id, label: d.name })), '全部部门')}
          {filterSelect('category', categoryOptions, '全部类别')}
          {filterSelect('channel', channelOptions, '全部渠道')}
          {filterSelect('status', statusOptions, '全部状态')}
          {filterSelect('callback', CALLBACK_OPTIONS, '全部回访')}
          {options && filterSelect('assigneeId', options.officers.map((o) => ({ value: o.id, label: `${o.name}（${o.roleLabel}）` })), '全部承办人')}
          <View className='ledger-filter ledger-filter--dates-label'>
            <Text className='ledger-filter__label'>受理日期</Text>
          </View>
          <View className='ledger-filter ledger-filter--dates'>
            <View className='ledger-filter__date'>
              <DateInput value={filters.from ?? ''} placeholder='开始日期' clearable end={filters.to} onChange={(v) => setFilter('from', v)} />
            </View>
            <Text className='ledger-filter__sep'>至</Text>
            <View className='ledger-filter__date'>
              <DateInput value={filters.to ?? ''} placeholder='结束日期' clearable start={filters.from} onChange={(v) => setFilter('to', v)} />
            </View>
          </View>
        </View>

        <View className='desk-toolbar ledger-toolbar'>
          <Text className='ledger-toolbar__total'>
            {data ? `共 ${total} 条` : ''}
            {loading && data ? ' · 刷新中…' : ''}
          </Text>
          {active && (
            <Button fill='outline' onClick={reset}>
              重置筛选
            </Button>
          )}
          <Button type='primary' loading={exporting} onClick={exportExcel}>
            导出Excel
          </Button>
        </View>
      </View>

      <QueryState loaded={!!data} error={error} onRetry={load} errorClass='ledger-error' />
      {data && data.items.length === 0 && <EmptyState text={searched ? `没有找到“${searched}”的诉求` : '没有符合条件的诉求'} />}
      {data && data.items.length > 0 && (
        <View className='row-table'>
          <View className='row-card row-table__head ledger-row ledger-row--head'>
            <Text className='ledger-cell'>工单号</Text>
            <Text className='ledger-cell'>企业</Text>
            <Text className='ledger-cell'>类别</Text>
            <Text className='ledger-cell'>等级</Text>
            <Text className='ledger-cell'>承办人/部门</Text>
            <Text className='ledger-cell'>受理时间</Text>
            <Text className='ledger-cell'>期限</Text>
            <Text className='ledger-cell'>状态</Text>
            <Text className='ledger-cell'>颜色</Text>
            {/* the export's 超期天数 重办次数 催办次数 满意度评分, each on two lines */}
            {[['超期', '天数'], ['重办', '次数'], ['催办', '次数'], ['满意度', '评分']].map(([a, b]) => (
              <Text key={a} className='ledger-cell ledger-cell--num'>
                <Text className='ledger-head__line'>{a}</Text>
                <Text className='ledger-head__line'>{b}</Text>
              </Text>
            ))}
            <Text className='ledger-cell'>回访结果</Text>
          </View>
          {data.items.map((r) => (
            <LedgerLine key={r._id} row={r} meta={meta} onClick={() => Taro.navigateTo({ url: ROUTES.deskDetail(r._id) })} />
          ))}
        </View>
      )}

      {data && total > 0 && (
        <View className='pager'>
          <Button disabled={page <= 1 || loading} onClick={() => setPage((p) => Math.max(1, p - 1))}>
            上一页
          </Button>
          <Text className='pager__text'>
            第 {page} 页 / 共 {total} 条
          </Text>
          <Button disabled={page >= pages || loading} onClick={() => setPage((p) => p + 1)}>
            下一页
          </Button>
        </View>
      )}
    </View>
  );
}

function LedgerLine({ row: r, meta, onClick }: { row: LedgerRow; meta: Meta | null; onClick: () => void }) {
  const level = r.levelLabel || levelLabel(meta, r.level);
  const overdue = r.daysOverdue ?? 0;
  const rework = r.reworkCount ?? r.reopenCount ?? 0;
  const urges = r.urgeCount ?? 0;
  return (
    <View className={`row-card ledger-row ledger-row--${r.colour ?? 'none'}`} onClick={onClick}>
      <Text className='ledger-cell ledger-cell--no'>{r.no}</Text>
      <Text className='ledger-cell ledger-cell--enterprise'>{r.enterpriseName}</Text>
      <Text className='ledger-cell ledger-cell--category'>{r.categoryName || r.category}</Text>
      <Text className='ledger-cell ledger-cell--level'>
        {level || '—'}
        {r.verified === false && <Text className='ledger-unverified'>待核实</Text>}
      </Text>
      <Text className='ledger-cell ledger-cell--handler'>
        <Text className='ledger-cell__label'>承办：</Text>
        {r.handler || '—'}
      </Text>
      <Text className='ledger-cell ledger-cell--created'>
        <Text className='ledger-cell__label'>受理 </Text>
        {formatTime(r.createdAt)}
      </Text>
      <Text className='ledger-cell ledger-cell--due'>
        <Text className='ledger-cell__label'>期限 </Text>
        {r.dueAt ? formatDate(r.dueAt) : '—'}
      </Text>
      <Text className='ledger-cell ledger-cell--status'>
        <StatusTag status={r.status} label={r.statusLabel || statusLabel(meta, r.status)} />
      </Text>
      <Text className='ledger-cell ledger-cell--colour'>
        {r.colour ? <ColourBadge colour={r.colour} label={colourLabel(meta, r.colour)} variant='dot' /> : '—'}
      </Text>
      <Text className={`ledger-cell ledger-cell--num ledger-cell--overdue${overdue > 0 ? ' ledger-cell--late' : ''}`}>
        <Text className='ledger-cell__label'>超期 </Text>
        {overdue > 0 ? `${overdue.toFixed(1)}天` : '—'}
      </Text>
      <Text className={`ledger-cell ledger-cell--num ledger-cell--rework${rework > 0 ? ' ledger-cell--warn' : ''}`}>
        <Text className='ledger-cell__label'>重办 </Text>
        {rework}
      </Text>
      <Text className={`ledger-cell ledger-cell--num ledger-cell--urges${urges > 0 ? ' ledger-cell--warn' : ''}`}>
        <Text className='ledger-cell__label'>催办 </Text>
        {urges}
      </Text>
      <Text className='ledger-cell ledger-cell--num ledger-cell--score'>
        <Text className='ledger-cell__label'>满意度 </Text>
        {r.score ? `${r.score}分` : '—'}
      </Text>
      <Text className='ledger-cell ledger-cell--callback'>
        {r.callbackLabel ? (
          <Text className={`ledger-callback ledger-callback--${callbackTone(r.callbackLabel)}`}>{r.callbackLabel}</Text>
        ) : (
          <Text className='ledger-cell__empty'>—</Text>
        )}
      </Text>
    </View>
  );
}

/** 待回访 asks for work, 不满意 is bad news, 满意 good */
function callbackTone(label: string): 'due' | 'bad' | 'good' | 'plain' {
  if (label.startsWith('待回访')) return 'due';
  if (label === '不满意') return 'bad';
  if (label === '满意') return 'good';
  return 'plain';
}
