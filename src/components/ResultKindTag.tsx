import { View, Text } from '@tarojs/components';
import type { RequestSummary } from '../shared/api-types';
import { RESULT_KINDS, resultKindOf } from '../../core/contract/catalog';
import './ResultKindTag.css';

/**
 * 办结's result type (已解决 / 已解释说明 / 无法解决) above the answer, and why it cannot be solved:
 * every role reads it, the enterprise before it scores. An answer from before the types is 已解决.
 */
export default function ResultKindTag({ request: r }: { request: Pick<RequestSummary, 'result' | 'resultKind' | 'resultReason'> }) {
  if (!r.result) return null;
  const kind = resultKindOf(r);
  return (
    <View className='result-kind'>
      <Text className={`status-tag result-kind__tag result-kind__tag--${kind}`}>{RESULT_KINDS[kind]}</Text>
      {kind === 'unsolvable' && r.resultReason && <Text className='result-kind__reason'>原因：{r.resultReason}</Text>}
    </View>
  );
}
