import { Picker, View, Text } from '@tarojs/components';
import { DateInput, Select as SharedSelect, type SelectProps } from '../../components/Select';
import '../../components/Select.css';

/** The shared drop-down, in the visit forms' taller, tinted field (visit.css). */
export function Select(props: Omit<SelectProps, 'className'>) {
  return <SharedSelect {...props} className='select--visit' />;
}

/**
 * A date ('YYYY-MM-DD') or a time ('HH:mm'). A date is the shared 年/月/日 picker everywhere (a browser's
 * own date input speaks its language: mm/dd/yyyy); a time is the browser's input in H5, the picker in WeChat.
 */
export function DateTimeInput({ mode, value, onChange, placeholder, start, end, label }: {
  mode: 'date' | 'time';
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  start?: string;
  end?: string;
  /** accessible name of the browser input */
  label?: string;
}) {
  if (mode === 'date') return <DateInput value={value} onChange={onChange} placeholder={placeholder} start={start} end={end} className='select--visit' />;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <input
        type={mode}
        className={`select select--visit date-input${value ? '' : ' select--empty'}`}
        value={value}
        min={start}
        max={end}
        aria-label={label ?? placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Picker mode={mode} value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`select select--visit${value ? '' : ' select--empty'}`}>
        <Text className='select__text'>{value || placeholder}</Text>
        <Text className='select__arrow'>▾</Text>
      </View>
    </Picker>
  );
}
