import { Picker, View, Text } from '@tarojs/components';
import '../../components/Select.css';

type Props = { value: string; onChange: (value: string) => void; placeholder?: string };

/**
 * An 'HH:mm' time on a 24-hour clock: Taro's time picker (时/分 columns, 00–23) in WeChat and in the
 * browser alike, where a native time input speaks the browser's locale (09:00 AM).
 */
export default function TimeInput({ value, onChange, placeholder = '选择时间' }: Props) {
  return (
    <Picker mode='time' value={value || '09:00'} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`select time-input${value ? '' : ' select--empty'}`} role='button' aria-label={value ? `${placeholder}：${value}` : placeholder}>
        <Text className='select__text'>{value || placeholder}</Text>
        <Text className='select__arrow'>▾</Text>
      </View>
    </Picker>
  );
}
