import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';

type Props = {
  placeholder: string;
  /** what is typed, not yet searched */
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
  /** search for what is typed: the 搜索 button and the keyboard's search key */
  onSearch: (value: string) => void;
  /** a page's own class beside search-bar, for its widths */
  className?: string;
  /** buttons after 搜索, such as 清除 */
  children?: ReactNode;
};

/** A list's search line: the box and its 搜索 button on one line at 390 px (styles: .search-bar in app.css). */
export default function SearchBar({ placeholder, value, maxLength, onChange, onSearch, className, children }: Props) {
  return (
    <View className={className ? `search-bar ${className}` : 'search-bar'}>
      <Input
        className='form-input search-bar__input'
        placeholder={placeholder}
        value={value}
        maxLength={maxLength}
        confirmType='search'
        onChange={onChange}
        onConfirm={() => onSearch(value)}
      />
      <Button type='primary' size='small' onClick={() => onSearch(value)}>
        搜索
      </Button>
      {children}
    </View>
  );
}
