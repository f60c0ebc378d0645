/**
 * 事项清单 on the dispatcher's triage (items.triage, core/knowledge/item-actions.ts): the item the
 * enterprise chose, or that it chose 不确定, and the items its description matches best, each with the
 * words that matched and who is responsible (department, or the owner in words when the district has
 * no such department), the tier, the deadline class and the legal basis. Old requests without an item
 * read as no choice.
 */
import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Answer } from '../../../core/contract/answers';
import { callService } from '../../services/call';
import { Row } from '../../components/RequestInfo';
import './item-suggestion.css';

type Triage = Answer<'items.triage'>;
type Suggested = Triage['suggested'][number];

const Words = ({ words }: { words: string[] }) =>
  words.length ? <View className='item-reason'>匹配词：{words.map((w) => <Text key={w} className='item-reason__word'>{w}</Text>)}</View> : null;

function Responsible({ item }: { item: Suggested }) {
  return (
    <>
      <Row label='责任部门'>{item.department ?? <Text>{item.owner}<Text className='muted small'>（本区未设，需调度分派）</Text></Text>}</Row>
      <Row label='层级'>{`${item.tierName}级 · 时限类别：${item.deadlineClassName}`}</Row>
      {item.legalBasis && <Row label='依据'>{item.legalBasis}</Row>}
    </>
  );
}

type Props = {
  id: string;
  /** reloads with the request (its timeline's length) */
  version: string;
  /** 下发督办卡 to the item's department, when the dispatcher may: opens the card panel with it preset */
  onRoute?: (preset: { leadDeptId: string; instructions: string }) => void;
};

export default function ItemSuggestion({ id, version, onRoute }: Props) {
  const [t, setT] = useState<Triage | null>(null);
  useEffect(() => {
    // a help to triage; never in the way: a failure shows nothing
    callService('items.triage', { id }).then(setT).catch(() => setT(null));
  }, [id, version]);
  if (!t) return null;
  const { chosen, suggested, agrees, routing } = t;
  const top = suggested[0];
  // the department the list names: the enterprise's item's, or (when it chose none) the suggestion's; the dispatcher confirms
  const candidate = chosen && 'tierName' in chosen && !chosen.removed ? (chosen as Suggested) : chosen ? null : top;
  const routed = candidate?.departmentId && candidate.department ? candidate : null;
  return (
    <View className='card item-suggestion'>
      <View className='card__title'>事项清单</View>
      {chosen ? (
        <View className='item-suggestion__block'>
          <View className='item-suggestion__label'>企业所选事项{chosen.removed ? '（已停用）' : ''}</View>
          <View className='item-suggestion__name'>{chosen.name}</View>
          <Words words={chosen.words} />
          {'tierName' in chosen && <Responsible item={chosen as Suggested} />}
        </View>
      ) : (
        <View className='item-suggestion__block muted'>企业未选择事项（不确定，请工作人员分类）</View>
      )}
      {agrees && <View className='item-suggestion__agree'>与描述匹配的首选事项一致</View>}
      {!agrees && top && (
        <View className='item-suggestion__block'>
          <View className='item-suggestion__label'>按描述建议</View>
          <View className='item-suggestion__name'>{top.name}<Text className='muted small'>（{top.categoryName}）</Text></View>
          <Words words={top.words} />
          <Responsible item={top} />
          {suggested.length > 1 && (
            <View className='item-suggestion__more muted small'>其他可能：{suggested.slice(1).map((s) => s.name).join('；')}</View>
          )}
        </View>
      )}
      {!chosen && !top && <View className='muted small'>描述未匹配到清单中的事项，请人工分类。</View>}
      {onRoute && routed && routing === 'suggest' && (
        <View className='item-suggestion__route'>
          <Button size='small' type='primary' fill='outline' onClick={() => onRoute({ leadDeptId: routed.departmentId!, instructions: `按事项清单「${routed.name}」由${routed.department}牵头办理${routed.legalBasis ? `（依据：${routed.legalBasis}）` : ''}。` })}>
            按清单下发督办卡给{routed.department}
          </Button>
        </View>
      )}
    </View>
  );
}
