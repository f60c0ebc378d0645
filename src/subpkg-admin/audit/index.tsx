import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { Page } from '../../shared/api-types';
import { formatTime } from '../../shared/format';
import { callService } from '../../services/call';
import { useQuery } from '../../shared/use-query';
import { EmptyState, ErrorState, Loading } from '../../components/StateView';
import Pager from '../components/Pager';
import type { AuditEntity, AuditItem } from '../types';
import { ENTITY_LABELS } from '../labels';
import '../admin.css';
import './index.css';

const VERBS: Record<string, string> = {
  create: '新建', update: '修改', retire: '撤销', restore: '恢复', invite: '邀请', reinvite: '重新生成邀请码',
  deactivate: '停用', activate: '启用', redeem: '激活', save: '保存', import: '导入', set: '设置',
  approve: '通过', reject: '驳回', unbind: '解绑', bind: '绑定微信', stewardship: '包联',
};

const FILTERS: { value: '' | AuditEntity; label: string }[] = [
  { value: '', label: '全部' },
  ...(Object.keys(ENTITY_LABELS) as AuditEntity[]).map((k) => ({ value: k, label: ENTITY_LABELS[k] })),
];

function actionLabel(item: Pick<AuditItem, 'action' | 'entity'>): string {
  const verb = item.action.split('.').pop() ?? '';
  const entity = ENTITY_LABELS[item.entity] ?? item.entity;
  return VERBS[verb] ? `${entity} · ${VERBS[verb]}` : item.action;
}

const show = (v: unknown): string => (v === undefined ? '—' : v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

/** top-level keys whose values differ between before and after */
function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = Array.from(new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]));
  return keys
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) => ({ key: k, before: before ? show(before[k]) : '—', after: after ? show(after[k]) : '—' }));
}

export default function AuditPage() {
  const [entity, setEntity] = useState<'' | AuditEntity>('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Record<string, 'diff' | 'json'>>({});
  const { data, loading, error, load } = useQuery(
    () => callService<Page<AuditItem>>('admin.audit.list', { page, entity: entity || undefined }),
    [entity, page],
  );

  const toggle = (id: string, mode: 'diff' | 'json') =>
    setOpen((o) => {
      const next = { ...o };
      if (next[id] === mode) delete next[id];
      else next[id] = mode;
      return next;
    });

  return (
    <View className='page page--wide admin audit'>
      <View className='chips chips--filter audit-filters'>
        {FILTERS.map((f) => (
          <Text
            key={f.value}
            className={`chip${entity === f.value ? ' chip--active' : ''}`}
            onClick={() => {
              setEntity(f.value);
              setPage(1);
            }}
          >
            {f.label}
          </Text>
        ))}
      </View>
      {!data && error && <ErrorState message={error} onRetry={load} />}
      {!data && !error && <Loading />}
      {data && error && <View className='admin-error'>{error}</View>}
      {data && data.items.length === 0 && <EmptyState text='暂无操作记录' />}
      {data?.items.map((a) => {
        const mode = open[a.id];
        const diff = mode === 'diff' ? changes(a.before, a.after) : [];
        return (
          <View className='card audit-item' key={a.id}>
            <View className='audit-item__head'>
              <Text className={`tag audit-action audit-action--${a.entity}`}>{actionLabel(a)}</Text>
              <Text className='audit-item__time'>{formatTime(a.at)}</Text>
            </View>
            <View className='audit-item__summary'>{a.summary}</View>
            <View className='audit-item__foot'>
              <Text className='muted small'>操作人：{a.actorName || '系统'}</Text>
              {(a.before || a.after) && (
                <View className='audit-item__ops'>
                  <Text className='op' onClick={() => toggle(a.id, 'diff')}>
                    {mode === 'diff' ? '收起' : '查看变更'}
                  </Text>
                  <Text className='op op--muted' onClick={() => toggle(a.id, 'json')}>
                    {mode === 'json' ? '收起' : '前后 JSON'}
                  </Text>
                </View>
              )}
            </View>
            {mode === 'diff' && (
              <View className='audit-diff'>
                {diff.length === 0 && <View className='muted small'>内容无差异</View>}
                {diff.map((d) => (
                  <View className='audit-diff__row' key={d.key}>
                    <Text className='audit-diff__key mono'>{d.key}</Text>
                    <Text className='audit-diff__before mono'>{d.before}</Text>
                    <Text className='audit-diff__arrow'>→</Text>
                    <Text className='audit-diff__after mono'>{d.after}</Text>
                  </View>
                ))}
              </View>
            )}
            {mode === 'json' && (
              <View className='audit-json'>
                <View className='audit-json__col'>
                  <View className='audit-json__title'>变更前</View>
                  <Text className='audit-json__pre mono'>{a.before ? JSON.stringify(a.before, null, 2) : '（无）'}</Text>
                </View>
                <View className='audit-json__col'>
                  <View className='audit-json__title'>变更后</View>
                  <Text className='audit-json__pre mono'>{a.after ? JSON.stringify(a.after, null, 2) : '（无）'}</Text>
                </View>
              </View>
            )}
          </View>
        );
      })}
      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} loading={loading} onPage={setPage} />}
    </View>
  );
}
