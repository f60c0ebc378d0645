import { View, Text } from '@tarojs/components';
import './Segmented.css';

type Props<T extends string> = {
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
};

/** A segmented choice (进展 / 办结 / 补充材料): equal segments in one row, one of them chosen. */
export default function Segmented<T extends string>({ options, value, onChange }: Props<T>) {
  return (
    <View className='segmented'>
      {options.map((o) => (
        <Text
          key={o.value}
          className={`segmented__item${o.value === value ? ' segmented__item--active' : ''}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </Text>
      ))}
    </View>
  );
}
