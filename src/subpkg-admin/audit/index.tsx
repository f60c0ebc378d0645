import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { formatTime } from '../../shared/format';
import { callService } from '../../services/call';
import { useQuery } from '../../shared/use-query';
import { EmptyState, QueryState } from '../../components/StateView';
import { Chips } from '../../components/Select';
import Pager from '../components/Pager';
import type { AdminOrg, AuditEntity, AuditItem } from '../types';
import { ENTITY_LABELS } from '../labels';
import { fieldRows, verbOf, type FieldRow, type Names } from './fields';
import '../admin.css';
import './index.css';

const FILTERS: { value: '' | AuditEntity; label: string }[] = [
  { value: '', label: '全部' },
  ...(Object.keys(ENTITY_LABELS) as AuditEntity[]).map((k) => ({ value: k, label: ENTITY_LABELS[k] })),
];

function actionLabel(item: Pick<AuditItem, 'action' | 'entity'>): string {
  return `${ENTITY_LABELS[item.entity] ?? '其他'} · ${verbOf(item.action)}`;
}

export default function AuditPage() {
  const [entity, setEntity] = useState<'' | AuditEntity>('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Record<string, 'diff' | 'all'>>({});
  const [orgs, setOrgs] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    // org ids in the records are shown by name
    callService('admin.orgs.list').then((d) => setOrgs(new Map(d.orgs.map((o: AdminOrg) => [o.id, o.name])))).catch(() => undefined);
  }, []);
  const names: Names = { org: (id) => orgs.get(id) };
  const { data, loading, error, load } = useQuery(
    () => callService('admin.audit.list', { page, entity: entity || undefined }),
    [entity, page],
  );

  const toggle = (id: string, mode: 'diff' | 'all') =>
    setOpen((o) => {
      const next = { ...o };
      if (next[id] === mode) delete next[id];
      else next[id] = mode;
      return next;
    });

  return (
    <View className='page page--wide admin audit'>
      <Chips
        className='chips--filter audit-filters'
        options={FILTERS}
        value={entity}
        onChange={(v) => {
          setEntity(v);
          setPage(1);
        }}
      />
      <QueryState loaded={!!data} error={error} onRetry={load} errorClass='admin-error' />
      {data && data.items.length === 0 && <EmptyState text='暂无操作记录' />}
      {data?.items.map((a) => {
        const mode = open[a.id];
        const rows = mode ? fieldRows(a.before, a.after, names) : [];
        const changed = rows.filter((r) => r.changed);
        return (
          <View className='card audit-item' key={a.id}>
            <View className='audit-item__head'>
              <Text className={`tag audit-action audit-action--${a.entity}`}>{actionLabel(a)}</Text>
              <Text className='audit-item__time'>{formatTime(a.at)}</Text>
            </View>
            <View className='audit-item__summary'>{a.summary}</View>
            <View className='audit-item__foot'>
              <Text className='muted small'>操作人：{a.actorName || '系统'}</Text>
              {!!(a.before || a.after) && (
                <View className='audit-item__ops'>
                  <Text className='op' onClick={() => toggle(a.id, 'diff')}>
                    {mode === 'diff' ? '收起' : '查看变更'}
                  </Text>
                  <Text className='op op--muted' onClick={() => toggle(a.id, 'all')}>
                    {mode === 'all' ? '收起' : '修改前后'}
                  </Text>
                </View>
              )}
            </View>
            {mode === 'diff' && (
              <View className='audit-diff'>
                {changed.length === 0 && <View className='muted small'>内容无差异</View>}
                {changed.map((d) => (
                  <View className='audit-diff__row' key={d.path}>
                    <Text className='audit-diff__key'>{d.label}</Text>
                    {!!a.before && <Text className='audit-diff__before'>{d.before}</Text>}
                    {!!a.before && !!a.after && <Text className='audit-diff__arrow'>→</Text>}
                    {!!a.after && <Text className='audit-diff__after'>{d.after}</Text>}
                  </View>
                ))}
              </View>
            )}
            {mode === 'all' && <AllFields rows={rows} hasBefore={!!a.before} hasAfter={!!a.after} />}
          </View>
        );
      })}
      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} loading={loading} onPage={setPage} />}
    </View>
  );
}

/** 修改前后: every field of the record, before and after, the changed ones marked */
function AllFields({ rows, hasBefore, hasAfter }: { rows: FieldRow[]; hasBefore: boolean; hasAfter: boolean }) {
  return (
    <View className='audit-all'>
      <View className='audit-all__legend muted small'>
        {hasBefore && hasAfter ? '共 ' + rows.length + ' 项，标“已改”的为本次修改' : hasAfter ? '新建时的内容' : '删除前的内容'}
      </View>
      {rows.map((r) => {
        const both = hasBefore && hasAfter;
        const changed = both && r.changed;
        return (
          <View className={`audit-all__row${changed ? ' audit-all__row--changed' : ''}`} key={r.path}>
            <View className='audit-all__key'>
              <Text>{r.label}</Text>
              {changed && <Text className='audit-all__flag'>已改</Text>}
            </View>
            {changed ? (
              <>
                <View className='audit-all__value'>
                  <Text className='audit-all__side'>修改前</Text>
                  <Text className='audit-all__text'>{r.before}</Text>
                </View>
                <View className='audit-all__value'>
                  <Text className='audit-all__side'>修改后</Text>
                  <Text className='audit-all__text'>{r.after}</Text>
                </View>
              </>
            ) : (
              <View className='audit-all__value'>
                <Text className='audit-all__side'>{both ? '未变' : hasAfter ? '内容' : '原为'}</Text>
                <Text className='audit-all__text'>{hasAfter ? r.after : r.before}</Text>
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
