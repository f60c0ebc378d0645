import { View } from '@tarojs/components';
import type { TimelineEvent } from '../shared/api-types';
import When from './When';
import AttachmentList from './Attachments';

/** Vertical timeline, newest event first. */
export default function Timeline({ events }: { events: TimelineEvent[] }) {
  const sorted = [...events].sort((a, b) => b.seq - a.seq);
  if (sorted.length === 0) return <View className='muted'>暂无记录</View>;
  return (
    <View className='timeline'>
      {sorted.map((e, i) => (
        <View className={`timeline__item${i === 0 ? ' timeline__item--latest' : ''}`} key={e.seq}>
          <View className='timeline__rail'>
            <View className='timeline__dot' />
            {i < sorted.length - 1 && <View className='timeline__line' />}
          </View>
          <View className='timeline__body'>
            <View className='timeline__text'>{e.text}</View>
            <AttachmentList items={e.attachments} />
            <View className='timeline__meta'>
              {e.actorName ? `${e.actorName} · ` : ''}
              <When at={e.at} />
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
