import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { callService, errorText, toastError } from '../../services/call';
import { ROUTES } from '../../shared/routes';
import SubmitButton from '../../components/SubmitButton';
import StatusTag from '../../components/StatusTag';
import When from '../../components/When';
import { EmptyState, ErrorState, Loading } from '../../components/StateView';
import type { Answer } from '../../../core/contract/answers';
import './index.css';

type Data = Answer<'desk.duplicates'>;
type Cluster = Data['clusters'][number];

/**
 * one cluster: the dispatcher picks the main (主件) and which of the others go into it, then 合并;
 * or says one of them is another problem (不是重复), which takes it out of this cluster for good
 */
function ClusterCard({ c, onMerged }: { c: Cluster; onMerged: () => void }) {
  const [mainId, setMain] = useState(c.members[0].id);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(c.members.filter((m) => m.canLink).map((m) => m.id)));
  const [busy, setBusy] = useState(false);
  const main = c.members.find((m) => m.id === mainId)!;
  const ids = c.members.filter((m) => m.id !== mainId && picked.has(m.id) && m.canLink).map((m) => m.id);
  const toggle = (id: string) => setPicked((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  const merge = async () => {
    const ok = await Taro.showModal({
      title: '确认并件',
      content: `将 ${ids.length} 件诉求并入 ${main.no}（${main.enterpriseName}）合并办理？并入的诉求退出各自的办理队列，其企业将收到主件的办理进展，办结后可评价。`,
      confirmText: '合并',
    }).then((r) => r.confirm, () => false);
    if (!ok) return;
    setBusy(true);
    try {
      await callService('desk.merge', { mainId, ids });
      Taro.showToast({ title: '已合并办理', icon: 'success' });
      onMerged();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const apart = async (m: Cluster['members'][number]) => {
    const others = c.members.filter((o) => o.id !== m.id);
    const ok = await Taro.showModal({
      title: '不是重复',
      content: `确认 ${m.no}（${m.enterpriseName}）与本组其他 ${others.length} 件诉求不是同一问题？确认后不再提示它们疑似重复，操作记入日志。`,
      confirmText: '不是重复',
    }).then((r) => r.confirm, () => false);
    if (!ok) return;
    setBusy(true);
    try {
      await callService('desk.notDuplicate', { id: m.id, of: others.map((o) => o.id) });
      Taro.showToast({ title: '已移出本组', icon: 'success' });
      onMerged();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card dup'>
      <View className='dup__head'>
        <Text className='card__title'>疑似重复 {c.members.length} 件</Text>
      </View>
      <View className='dup__reasons'>
        {c.reasons.map((r) => <Text key={r} className='dup__reason'>{r}</Text>)}
      </View>
      {c.members.map((m) => {
        const isMain = m.id === mainId;
        return (
          <View key={m.id} className={`dup__member${isMain ? ' dup__member--main' : ''}`}>
            <View className='dup__row'>
              <Text className='dup__ent'>{m.enterpriseName}</Text>
              <StatusTag status={m.status} label={m.statusName} />
            </View>
            <View className='dup__meta muted small'>
              <Text className='dup__no' onClick={() => Taro.navigateTo({ url: ROUTES.deskDetail(m.id) })}>{m.no}</Text>
              <When at={m.createdAt} />
              <Text>{m.category}</Text>
              {m.linkedCount > 0 && <Text>已并入 {m.linkedCount} 件</Text>}
            </View>
            <View className='dup__text'>{m.excerpt}</View>
            <View className='dup__choices'>
              <Text className={`dup__choice${isMain ? ' dup__choice--on' : ''}`} onClick={() => setMain(m.id)}>{isMain ? '● 主件' : '○ 设为主件'}</Text>
              {!isMain && (m.canLink
                ? <Text className={`dup__choice${picked.has(m.id) ? ' dup__choice--on' : ''}`} onClick={() => toggle(m.id)}>{picked.has(m.id) ? '☑ 并入主件' : '☐ 不并入'}</Text>
                : <Text className='muted small'>{m.status === 'supervised' ? '督办中，只能作为主件' : '已是主件，只能作为主件'}</Text>)}
              <Text className='dup__apart' onClick={() => { if (!busy) apart(m); }}>不是重复</Text>
            </View>
          </View>
        );
      })}
      <SubmitButton busy={busy} disabled={!ids.length} onClick={merge}>{ids.length ? `合并：${ids.length} 件并入 ${main.no}` : '请选择要并入的诉求'}</SubmitButton>
    </View>
  );
}

/** 疑似重复 (并件): clusters of likely duplicates among the open requests of the dispatcher's scope */
export default function DuplicatesPage() {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    setError('');
    callService('desk.duplicates', {}).then(setData, (e) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);
  useDidShow(() => { if (data) load(); });

  if (error) return <View className='page'><ErrorState message={error} onRetry={load} /></View>;
  if (!data) return <View className='page'><Loading /></View>;
  return (
    <View className='page'>
      <View className='hint dup__intro'>
        同一网格、社区或部门内，不同企业反映的相近问题。合并后由主件统一办理，并入诉求的企业同步收到进展，办结后各自评价；统计只计主件一件。不是同一问题的，点“不是重复”移出本组，不再提示。
        {data.capped ? `（仅比对最近 ${data.window} 件在办诉求）` : ''}
      </View>
      {data.clusters.length === 0
        ? <EmptyState text={`在办的 ${data.scanned} 件诉求中暂未发现疑似重复`} />
        : data.clusters.map((c) => <ClusterCard key={c.ids.join(',')} c={c} onMerged={load} />)}
    </View>
  );
}
