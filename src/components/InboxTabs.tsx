import { View, Text } from '@tarojs/components';

type Props<K extends string> = {
  tabs: { key: K; title: string }[];
  active: K;
  /** the count beside each tab, once the first page has come */
  counts?: Record<K, number>;
  onSwitch: (key: K) => void;
};

/** The tabs of an inbox (待签收/办理中/已办结 and the like), with their counts (useTabbedInbox). */
export default function InboxTabs<K extends string>({ tabs, active, counts, onSwitch }: Props<K>) {
  return (
    <View className='tabs'>
      {tabs.map((t) => (
        <View key={t.key} className={`tabs__item${t.key === active ? ' tabs__item--active' : ''}`} onClick={() => onSwitch(t.key)}>
          <Text className='tabs__title'>{t.title}</Text>
          {counts && <Text className='tabs__count'>{counts[t.key]}</Text>}
        </View>
      ))}
    </View>
  );
}
