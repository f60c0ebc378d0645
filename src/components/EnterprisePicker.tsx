import { useEffect, useRef, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { callService, errorText } from '../services/call';
import { EmptyState, ErrorState, Loading } from './StateView';
import type { Answer } from '../../core/contract/answers';
import './EnterprisePicker.css';

export type EnterpriseOption = Answer<'request.fileForOptions'>['items'][number];
const RELATION = { liaison: '我包联', officer: '本网格', desk: '辖区', cppcc: '辖区' } as const;

/**
 * Whom the caller may file for (request.fileForOptions), searchable by a word of the name: a liaison's
 * own enterprises first, then its grids'; a dispatcher's scope, or for a CPPCC member the district's bound
 * enterprises, once a word is typed. 代报, 直通车 and meeting entry.
 */
export default function EnterprisePicker({ onPick }: { onPick: (o: EnterpriseOption) => void }) {
  const [q, setQ] = useState('');
  const [list, setList] = useState<Answer<'request.fileForOptions'> | null>(null);
  const [error, setError] = useState('');
  const generation = useRef(0);
  const load = (query: string) => {
    const mine = ++generation.current;
    setError('');
    callService('request.fileForOptions', query ? { q: query } : {})
      .then((r) => { if (mine === generation.current) setList(r); })
      .catch((e) => { if (mine === generation.current) setError(errorText(e)); });
  };
  useEffect(() => {
    const t = setTimeout(() => load(q.trim()), q ? 250 : 0);
    return () => clearTimeout(t);
  }, [q]);

  return (
    <View className='ent-picker'>
      <Input className='form-input' placeholder='输入企业名称中的字词' value={q} maxLength={40} onChange={setQ} />
      {error ? <ErrorState message={error} onRetry={() => load(q.trim())} />
        : !list ? <Loading />
        : list.needQuery ? <View className='muted small ent-picker__hint'>输入企业名称中的两个字以上查找辖区内企业</View>
        : !list.items.length ? <EmptyState text={q.trim() ? `没有名称含“${q.trim()}”的企业` : '您没有包联或所在网格的企业'} />
        : (
          <View className='ent-picker__list'>
            {list.items.map((o) => (
              <View key={o.id} className='ent-picker__ent' onClick={() => onPick(o)}>
                <Text className='ent-picker__name'>{o.name}</Text>
                <Text className='tag tag--blue'>{RELATION[o.relation]}</Text>
                {!o.hasContact && <Text className='tag tag--grey'>未绑定联系人</Text>}
              </View>
            ))}
            {list.cut && <View className='muted small'>只列出前 {list.items.length} 家，请输入名称查找</View>}
          </View>
        )}
    </View>
  );
}
