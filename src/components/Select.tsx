// Form pickers shared by the desk, admin and leader pages: native controls in the browser, WeChat pickers in the mini-program.
import { Picker, View, Text } from '@tarojs/components';
import './Select.css';

/** `group`: options of one group sit together under its name (a <optgroup> in the browser; 组 · 名 in WeChat's picker) */
export type Option = { value: string; label: string; group?: string };

export type SelectProps = {
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  /** text for the empty choice ('' = no empty choice, a value must be picked) */
  emptyLabel?: string;
  placeholder?: string;
  disabled?: boolean;
  /** a look of the caller's (e.g. the visit forms' taller fields) */
  className?: string;
};

/** consecutive options of one group, in order */
function runsOf(options: Option[]): Array<{ group?: string; options: Option[] }> {
  const runs: Array<{ group?: string; options: Option[] }> = [];
  for (const o of options) {
    const last = runs[runs.length - 1];
    if (last && last.group === o.group) last.options.push(o);
    else runs.push({ group: o.group, options: [o] });
  }
  return runs;
}

/**
 * A drop-down: a native <select> in the browser (desk users sit at a desktop), WeChat's picker
 * in the mini-program. The value is '' while nothing is chosen.
 */
export function Select({ value, options, onChange, emptyLabel, placeholder = '请选择', disabled, className }: SelectProps) {
  const all: Option[] = emptyLabel ? [{ value: '', label: emptyLabel }, ...options] : options;
  const look = className ? ` ${className}` : '';
  if (process.env.TARO_ENV === 'h5') {
    return (
      <select
        className={`select${look}${value ? '' : ' select--empty'}`}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {!emptyLabel && !value && (
          <option value='' disabled>
            {placeholder}
          </option>
        )}
        {runsOf(all).map((run) =>
          run.group ? (
            <optgroup key={`g-${run.group}`} label={run.group}>
              {run.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : (
            run.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))
          ),
        )}
      </select>
    );
  }
  const index = all.findIndex((o) => o.value === value);
  const current = index >= 0 ? all[index] : null;
  return (
    <Picker
      mode='selector'
      range={all.map((o) => (o.group ? `${o.group} · ${o.label}` : o.label))}
      value={Math.max(0, index)}
      disabled={disabled}
      onChange={(e) => {
        const picked = all[Number(e.detail.value)];
        if (picked) onChange(picked.value);
      }}
    >
      <View className={`select${look}${current && current.value ? '' : ' select--empty'}`}>
        <Text className='select__text'>{current ? current.label : placeholder}</Text>
        <Text className='select__arrow'>▾</Text>
      </View>
    </Picker>
  );
}

type DateProps = {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** offer a way back to '' (filters) */
  clearable?: boolean;
  start?: string;
  end?: string;
  /** a look of the caller's (e.g. the visit forms' taller fields) */
  className?: string;
};

/** '2026-12-01' → '2026年12月1日'; anything else as it is */
export function dateLabel(value: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/**
 * A 'YYYY-MM-DD' date, shown as 2026年12月1日: Taro's date picker (年/月/日 columns) in WeChat and in
 * the browser alike, where a native date input would speak the browser's language (mm/dd/yyyy).
 */
export function DateInput({ value, onChange, placeholder = '选择日期', clearable, start, end, className }: DateProps) {
  // a chosen filter date offers × where the arrow was, leaving the date its room
  const clears = !!(clearable && value);
  return (
    <View className={`date-field${clears ? ' date-field--clearable' : ''}`}>
      <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={`select date-input${className ? ` ${className}` : ''}${value ? '' : ' select--empty'}`} role='button' aria-label={value ? `${placeholder}：${dateLabel(value)}` : placeholder}>
          <Text className='select__text'>{value ? dateLabel(value) : placeholder}</Text>
          {!clears && <Text className='select__arrow'>▾</Text>}
        </View>
      </Picker>
      {clears && (
        <Text className='date-field__clear' onClick={() => onChange('')}>
          ×
        </Text>
      )}
    </View>
  );
}

type ChipsProps<T extends string> = {
  options: { value: T; label: string; disabled?: boolean }[];
  /** single choice: the chosen value; multiple: the chosen values */
  value: T | T[];
  onChange: (value: T) => void;
  /** more classes of the row, e.g. 'chips--filter' above a list */
  className?: string;
};

/** Tappable chips; the caller decides single or multiple choice in onChange. */
export function Chips<T extends string>({ options, value, onChange, className }: ChipsProps<T>) {
  const chosen = (v: T) => (Array.isArray(value) ? value.includes(v) : value === v);
  return (
    <View className={className ? `chips ${className}` : 'chips'}>
      {options.map((o) => (
        <Text
          key={o.value}
          className={`chip${chosen(o.value) ? ' chip--active' : ''}${o.disabled ? ' chip--disabled' : ''}`}
          onClick={() => !o.disabled && onChange(o.value)}
        >
          {o.label}
        </Text>
      ))}
    </View>
  );
}

type TimeProps = { value: string; onChange: (value: string) => void; placeholder?: string };

/** An 'HH:mm' time: <input type=time> in the browser, the time picker in WeChat. */
export function TimeInput({ value, onChange, placeholder = '选择时间' }: TimeProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <input
        type='time'
        className={`select date-input${value ? '' : ' select--empty'}`}
        value={value}
        aria-label={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Picker mode='time' value={value || '09:00'} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`select${value ? '' : ' select--empty'}`}>
        <Text className='select__text'>{value || placeholder}</Text>
        <Text className='select__arrow'>▾</Text>
      </View>
    </Picker>
  );
}

/** Add or remove one value of a multiple choice. */
export function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
