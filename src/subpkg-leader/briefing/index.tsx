import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { callService, toastError } from '../../services/call';
import { useQuery } from '../../shared/use-query';
import { QueryState } from '../../components/StateView';
import { openWorkbook } from '../../services/workbook';
import PeriodBar from '../components/PeriodBar';
import { currentKey, num, pct, queryFromParams } from '../format';
import type { BriefingCase, PeriodQuery, RankedUnit } from '../types';
import '../leader.css';
import './index.css';

type Kind = 'month' | 'quarter' | 'year';

function Section({ no, title, children }: { no: string; title: string; children: React.ReactNode }) {
  return (
    <View className='paper__section'>
      <View className='paper__h'>
        {no}、{title}
      </View>
      {children}
    </View>
  );
}

function Honours({ units, tone }: { units: RankedUnit[]; tone: 'red' | 'yellow' }) {
  if (!units.length) return <View className='paper__p paper__muted'>本期无{tone === 'red' ? '上红榜' : '上黄榜'}单位。</View>;
  return (
    <View className={`paper-list paper-list--${tone}`}>
      {units.map((u, i) => (
        <View key={u.id} className='paper-list__item'>
          <Text className='paper-list__no'>{i + 1}.</Text>
          <Text className='paper-list__name'>
            {u.name}（{u.kind === 'department' ? '部门' : `${u.tierLabel ?? ''}优化中心`}，{u.score}分）
          </Text>
          <Text className='paper-list__why'>{u.reasons.join('；')}。</Text>
        </View>
      ))}
    </View>
  );
}

function Cases({ cases, tone }: { cases: BriefingCase[]; tone: 'good' | 'bad' }) {
  if (!cases.length) return <View className='paper__p paper__muted'>本期无。</View>;
  return (
    <View>
      {cases.map((c) => (
        <View key={c.id} className={`paper-case paper-case--${tone}`}>
          <View className='paper-case__head'>
            <Text className='paper-case__ent'>{c.enterpriseName}</Text>
            <Text className='paper-case__meta'>
              {c.categoryName} · {c.no} · {c.status}
            </Text>
          </View>
          <View className='paper__p'>问题：{c.description}</View>
          {c.result && <View className='paper__p'>办理：{c.result}</View>}
          <View className='paper__p paper-case__note'>{c.note}</View>
        </View>
      ))}
    </View>
  );
}

/** a table of the paper: a name column, then figures; a line instead when there is nothing to list */
function PaperTable({ head, rows, empty }: { head: string[]; rows: Array<{ key: string; name: React.ReactNode; cells: React.ReactNode[] }>; empty: string }) {
  if (rows.length === 0) return <View className='paper__p paper__muted'>{empty}</View>;
  return (
    <View className='ptable'>
      <View className='ptable__row ptable__row--head'>
        {head.map((h, i) => (
          <Text key={h} className={`ptable__cell${i === 0 ? ' ptable__cell--name' : ''}`}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((r) => (
        <View key={r.key} className='ptable__row'>
          <Text className='ptable__cell ptable__cell--name'>{r.name}</Text>
          {r.cells.map((c, i) => (
            <Text key={i} className='ptable__cell'>
              {c}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

export default function BriefingPage() {
  const { params } = useRouter();
  const [query, setQuery] = useState<PeriodQuery>(() => queryFromParams(params));
  const [exporting, setExporting] = useState(false);
  const kind = query.period as Kind;
  const key = query.key ?? currentKey(kind);

  // one action makes the briefing: the printable page below and the .xlsx behind the export button
  const { data, loading, error, load } = useQuery(() => callService('briefing.generate', { period: kind, key }), [kind, key]);

  const exportExcel = async () => {
    if (!data?.url || exporting) return;
    setExporting(true);
    try {
      await openWorkbook({ url: data.url, fileID: data.fileID }, `营商环境红黄榜简报-${data.issueLabel}.xlsx`);
    } catch (e) {
      toastError(e);
    } finally {
      setExporting(false);
    }
  };
  const print = () => {
    if (process.env.TARO_ENV === 'h5') window.print();
  };

  const f = data?.figures;
  const departments = data?.ranking.units.filter((u) => u.kind === 'department' && u.figures.collected > 0) ?? [];
  const centers = data?.ranking.units.filter((u) => u.kind === 'center' && u.figures.collected > 0) ?? [];
  return (
    <View className='page page--wide leader briefing'>
      <View className='card leader-filters no-print'>
        <PeriodBar value={query} onChange={setQuery} kinds={['month', 'quarter', 'year']} label={data?.period.label} />
        <View className='briefing-toolbar'>
          <Text className='briefing-toolbar__meta'>{data ? `${data.issueLabel} · 含总体情况、红黄榜、分类统计和典型案例` : ''}</Text>
          <Button type='primary' loading={exporting} disabled={!data?.url} onClick={exportExcel}>
            导出简报Excel
          </Button>
          {process.env.TARO_ENV === 'h5' && (
            <Button fill='outline' disabled={!data} onClick={print}>
              打印
            </Button>
          )}
        </View>
      </View>

      <QueryState loaded={!!data} error={error} onRetry={load} loadingText='正在生成简报…' />

      {data && f && (
        <View className={`paper${loading ? ' paper--loading' : ''}`}>
          <View className='paper__title'>{data.title}</View>
          <View className='paper__issue'>{data.issueLabel}</View>
          <View className='paper__meta'>
            <Text>{data.publisher}</Text>
            <Text>{data.date}</Text>
          </View>
          <View className='paper__rule' />

          <Section no='一' title='总体情况'>
            {data.headline.map((s, i) => (
              <View key={i} className='paper__p paper__indent'>
                {s}
              </View>
            ))}
            <View className='paper-figures'>
              {[
                ['收集问题', `${f.collected}项`], ['办结', `${f.closed}项`], ['正在办理', `${f.inProgress}项`], ['按期办结率', pct(f.onTimeRate)],
                ['满意度', pct(f.satisfactionRate)], ['平均评分', f.meanScore === null ? '—' : `${num(f.meanScore)}分`], ['重办率', pct(f.reopenRate)],
                ['平均办结用时', f.meanDaysToClose === null ? '—' : `${num(f.meanDaysToClose)}个工作日`], ['超期', `${f.overdue}项`], ['催办', `${f.urges}次${f.enterpriseUrges ? `，企业催办${f.enterpriseUrges}次` : ''}`],
                ['走访企业', `${f.enterprisesVisited}家`], ['走访次数', `${f.visits}次`],
              ].map(([k, v]) => (
                <View key={k} className='paper-figures__cell'>
                  <Text className='paper-figures__k'>{k}</Text>
                  <Text className='paper-figures__v'>{v}</Text>
                </View>
              ))}
            </View>
          </Section>

          <Section no='二' title='红榜（表扬）'>
            <Honours units={data.ranking.red} tone='red' />
          </Section>
          <Section no='三' title='黄榜（警示）'>
            <Honours units={data.ranking.yellow} tone='yellow' />
          </Section>

          <Section no='四' title='分类情况'>
            <PaperTable
              head={['类别', '收集', '办结', '在办', '按期率', '满意度']}
              empty='本期无诉求。'
              rows={data.byCategory.slice(0, 12).map((r) => ({
                key: r.id,
                name: r.name,
                cells: [r.collected, r.closed, r.inProgress, pct(r.onTimeRate, 0), pct(r.satisfactionRate, 0)],
              }))}
            />
          </Section>

          <Section no='五' title='部门和属地办理情况'>
            <PaperTable
              head={['单位', '得分', '收集', '办结', '按期率', '满意度', '超期']}
              empty='本期无。'
              rows={[...departments, ...centers].map((u) => ({
                key: u.id,
                name: (
                  <>
                    {u.name}
                    {u.list && <Text className={`paper-flag paper-flag--${u.list}`}>{u.list === 'red' ? '红' : '黄'}</Text>}
                  </>
                ),
                cells: [u.score ?? '—', u.figures.collected, u.figures.closed, pct(u.figures.onTimeRate, 0), pct(u.figures.satisfactionRate, 0), u.figures.overdue],
              }))}
            />
          </Section>

          <Section no='六' title='典型案例'>
            <Cases cases={data.cases.praised} tone='good' />
          </Section>
          <Section no='七' title='警示案例'>
            <Cases cases={data.cases.warned} tone='bad' />
          </Section>

          <View className='paper__rule paper__rule--thin' />
          <View className='paper__footer'>
            <View>报：区营商环境建设工作领导小组</View>
            <View>送：各街道（乡镇）、区直各部门</View>
            <View className='paper__muted'>统计口径：{data.period.label}受理的诉求，按受理日期统计；部门按督办卡统计。</View>
          </View>
        </View>
      )}
    </View>
  );
}
