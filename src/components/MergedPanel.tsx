import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Answer } from '../../core/contract/answers';
import type { TimelineEvent } from '../shared/api-types';
import { ROUTES } from '../shared/routes';
import StatusTag from './StatusTag';
import Timeline from './Timeline';
import SubmitButton from './SubmitButton';
import './MergedPanel.css';

export type MergeInfo = NonNullable<Answer<'request.get'>['merge']>;

/**
 * 并件 on a request's page (core/desk/merge-view.ts). The linked request's enterprise: that its
 * problem is handled together with the same one reported by others, and the main's progress and
 * result. The desk: which main it follows (取消并件 when allowed), or a main's linked requests.
 */
export default function MergedPanel({ merge, viewer, onUnmerge, busy }: {
  merge: MergeInfo; viewer: 'enterprise' | 'desk'; onUnmerge?: () => void; busy?: boolean;
}) {
  if (merge.kind === 'main') {
    return (
      <View className='card merged'>
        <View className='card__title'>并件办理 · 已并入 {merge.linked.length} 件</View>
        <View className='muted small'>以下诉求随本件合并办理，其企业同步收到本件的办理进展，办结后各自评价。</View>
        {merge.linked.map((l) => (
          <View key={l.id} className='merged__linked' onClick={() => Taro.navigateTo({ url: ROUTES.deskDetail(l.id) })}>
            <Text className='merged__no'>{l.no}</Text>
            <Text className='merged__ent'>{l.enterpriseName}</Text>
            <Text className='muted small'>{l.score !== null ? `评分 ${l.score} 分` : '未评价'}</Text>
          </View>
        ))}
      </View>
    );
  }
  const m = merge.main;
  const events = m.timeline.map((e) => ({ ...e, actorName: '' })) as unknown as TimelineEvent[];
  return (
    <View className='card merged'>
      <View className='merged__banner'>已与其他企业反映的同一问题合并办理</View>
      {viewer === 'desk' && m.no && (
        <View className='merged__main' onClick={() => Taro.navigateTo({ url: ROUTES.deskDetail(m.id!) })}>
          <Text>主件 </Text><Text className='merged__no'>{m.no}</Text><Text className='merged__ent'>{m.enterpriseName}</Text>
        </View>
      )}
      <View className='merged__status'>
        <Text className='muted small'>合并办理进度</Text>
        {m.status && <StatusTag status={m.status} label={m.statusName} />}
      </View>
      {m.result && <View className='merged__result'><Text className='merged__label'>办理结果</Text>{m.result}</View>}
      {viewer === 'enterprise' && (
        <View className='muted small merged__note'>
          {merge.scorable ? '合并办理已办结，请在下方对办理结果进行评价。' : '办理进展和结果将同步告知您，办结后请您评价。'}
        </View>
      )}
      {events.length > 0 && <Timeline events={events} />}
      {viewer === 'desk' && onUnmerge && (
        <SubmitButton type='danger' fill='outline' busy={!!busy} onClick={onUnmerge}>取消并件</SubmitButton>
      )}
    </View>
  );
}
