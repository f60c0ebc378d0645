/**
 * The two-level category pick on the phone (core/contract/taxonomy.ts): the groups (大类) first, then
 * the chosen group's categories (小类). What is picked is always a leaf. Used by the enterprise's
 * submit page and the officers' 走访代报 / 代报 forms.
 */
import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { CATEGORY_GROUPS, groupOf, type CategoryCode, type CategoryGroupCode } from '../../core/contract/catalog';
import './CategoryPicker.css';

type Props = {
  value: CategoryCode | '';
  onChange: (leaf: CategoryCode) => void;
  /** false: the leaf is not shown chosen (the submit page, while an item stands for it) */
  marked?: boolean;
  /** leaves offered elsewhere on the page (the submit page's 不确定 is 其他) */
  exclude?: CategoryCode[];
};

export default function CategoryPicker({ value, onChange, marked = true, exclude = [] }: Props) {
  // the chosen leaf's group stays open; tapping an open group closes it
  const [open, setOpen] = useState<CategoryGroupCode | null>(() => groupOf(value));
  useEffect(() => {
    const g = groupOf(value);
    if (g) setOpen(g);
  }, [value]);
  const group = CATEGORY_GROUPS.find((g) => g.code === open);
  const leaves = group ? group.leaves.filter((l) => !exclude.includes(l.code)) : [];
  return (
    <View className='category-picker'>
      <View className='chips category-picker__groups'>
        {CATEGORY_GROUPS.map((g) => (
          <Text
            key={g.code}
            className={`chip category-picker__group${open === g.code ? ' category-picker__group--open' : ''}${groupOf(value) === g.code && marked ? ' category-picker__group--chosen' : ''}`}
            onClick={() => setOpen(open === g.code ? null : g.code)}
          >
            {g.name}
          </Text>
        ))}
      </View>
      {group && (
        <View className='category-picker__leaves'>
          <View className='category-picker__hint'>{group.name} · 请选择小类</View>
          <View className='chips'>
            {leaves.map((l) => (
              <Text key={l.code} className={`chip category-picker__leaf${marked && value === l.code ? ' chip--active' : ''}`} onClick={() => onChange(l.code)}>
                {l.name}
              </Text>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
