import { View, Text } from '@tarojs/components';
import { DateInput } from '../../components/Select';
import { PERIOD_LABELS, currentKey, defaultQuery, isFuture, stepKey, ymdToday } from '../format';
import type { PeriodKind, PeriodQuery } from '../types';

type Props = {
  value: PeriodQuery;
  onChange: (q: PeriodQuery) => void;
  /** the server's name for the period shown, e.g. "2026年11月" */
  label?: string;
  kinds?: PeriodKind[];
};

/** 本月 / 本季度 / 本年 / 自定义, with ‹ › to step to earlier periods */
export default function PeriodBar({ value, onChange, label, kinds = ['month', 'quarter', 'year', 'custom'] }: Props) {
  const kind = value.period;
  const key = kind === 'custom' ? '' : value.key ?? currentKey(kind);
  const canNext = kind !== 'custom' && !isFuture(kind, stepKey(kind, key, 1));
  return (
    <View className='period-bar'>
      <View className='chips period-bar__kinds'>
        {kinds.map((k) => (
          <Text key={k} className={`chip${kind === k ? ' chip--active' : ''}`} onClick={() => kind !== k && onChange(defaultQuery(k))}>
            {PERIOD_LABELS[k]}
          </Text>
        ))}
      </View>
      {kind !== 'custom' ? (
        <View className='period-bar__step'>
          <Text className='period-bar__arrow' onClick={() => onChange({ period: kind, key: stepKey(kind, key, -1) })}>
            ‹
          </Text>
          <Text className='period-bar__label'>{label ?? key}</Text>
          <Text
            className={`period-bar__arrow${canNext ? '' : ' period-bar__arrow--off'}`}
            onClick={() => canNext && onChange({ period: kind, key: stepKey(kind, key, 1) })}
          >
            ›
          </Text>
        </View>
      ) : (
        <View className='period-bar__range'>
          <View className='period-bar__date'>
            <DateInput value={value.from ?? ''} end={value.to || ymdToday()} onChange={(v) => onChange({ ...value, from: v })} />
          </View>
          <Text className='period-bar__sep'>至</Text>
          <View className='period-bar__date'>
            <DateInput value={value.to ?? ''} start={value.from} end={ymdToday()} onChange={(v) => onChange({ ...value, to: v })} />
          </View>
        </View>
      )}
    </View>
  );
}
