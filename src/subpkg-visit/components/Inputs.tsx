import { Picker, View, Text } from '@tarojs/components';

export type Option = { value: string; label: string };

/** A drop-down: a native <select> in the browser, WeChat's picker in the mini-program. */
export function Select({ value, options, onChange, emptyLabel, placeholder = '请选择' }: {
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  emptyLabel?: string;
  placeholder?: string;
}) {
  const all: Option[] = emptyLabel ? [{ value: '', label: emptyLabel }, ...options] : options;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <select className={`select${value ? '' : ' select--empty'}`} value={value} onChange={(e) => onChange(e.target.value)}>
        {!emptyLabel && !value && (
          <option value='' disabled>
            {placeholder}
          </option>
        )}
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  const index = all.findIndex((o) => o.value === value);
  const current = index >= 0 ? all[index] : null;
  return (
    <Picker mode='selector' range={all.map((o) => o.label)} value={Math.max(0, index)} onChange={(e) => {
      const picked = all[Number(e.detail.value)];
      if (picked) onChange(picked.value);
    }}>
      <View className={`select${current && current.value ? '' : ' select--empty'}`}>
        <Text className='select__text'>{current ? current.label : placeholder}</Text>
        <Text className='select__arrow'>▾</Text>
      </View>
    </Picker>
  );
}

/** A date ('YYYY-MM-DD') or a time ('HH:mm'): native inputs in the browser, pickers in WeChat. */
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
  if (process.env.TARO_ENV === 'h5') {
    return (
      <input
        type={mode}
        className={`select date-input${value ? '' : ' select--empty'}`}
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
      <View className={`select${value ? '' : ' select--empty'}`}>
        <Text className='select__text'>{value || placeholder}</Text>
        <Text className='select__arrow'>▾</Text>
      </View>
    </Picker>
  );
}
