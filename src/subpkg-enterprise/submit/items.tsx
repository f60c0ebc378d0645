/**
 * 您要反映的是…: the responsibility list's items (事项清单, items.suggest) and the categories that match
 * what the enterprise searches for, or, while it searches nothing, what it describes. Choosing an item
 * sets its category and goes with the request; choosing a category alone, or 不确定，请工作人员分类
 * (always there), sends none, and staff classify it. Without a search the categories are picked in
 * two steps, a group (大类) then its category (小类); a search lists the matching categories at once.
 */
import { useEffect, useRef, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { Answer } from '../../../core/contract/answers';
import { categoryPath, groupName, type CategoryCode } from '../../../core/contract/catalog';
import CategoryPicker from '../../components/CategoryPicker';
import type { Meta } from '../../shared/api-types';
import { callService } from '../../services/call';
import './items.css';

export type SuggestedItem = Answer<'items.suggest'>['items'][number];
/** what the request carries of the chosen item (and the draft keeps) */
export type ChosenItem = { id: string; name: string; category: CategoryCode };

/** a pause in typing before asking; a search box's words are asked sooner than a description's */
const PAUSE_MS = 500;
/** two characters are one character pair ("增容"): the least the matcher reads */
const MIN_CHARS = 2;

/** the items for the words as typed; a failure shows none (the categories are still there) */
export function useItemSuggestions(text: string) {
  const [items, setItems] = useState<SuggestedItem[]>([]);
  const asked = useRef('');
  useEffect(() => {
    const t = text.trim();
    if ([...t.replace(/\s/g, '')].length < MIN_CHARS) {
      asked.current = '';
      setItems([]);
      return undefined;
    }
    const timer = setTimeout(() => {
      if (t === asked.current) return;
      asked.current = t;
      callService('items.suggest', { text: t })
        .then((r) => { if (asked.current === t) setItems(r.items); })
        .catch(() => {});
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return items;
}

/** the two-character pieces of a query ("电力增容" → 电力, 力增, 增容): a category matches on any */
const pairsOf = (q: string) => Array.from({ length: Math.max(0, q.length - 1) }, (_, i) => q.slice(i, i + 2));
const matches = (q: string, name: string) => !!q && (name.includes(q) || pairsOf(q).some((p) => name.includes(p)));

/** who answers for an item, in the enterprise's words */
const ownerOf = (i: SuggestedItem) => i.department ?? i.owner;

type Props = {
  meta: Meta;
  description: string;
  category: CategoryCode | '';
  item: ChosenItem | null;
  /** an item, a category alone (item null), or 不确定 (category other, item null) */
  choose: (category: CategoryCode, item: ChosenItem | null) => void;
};

export function ItemPicker({ meta, description, category, item, choose }: Props) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  // the search box when used, else the description: what the enterprise has said so far
  const found = useItemSuggestions(q || description);
  const itemCategories = found.map((i) => i.category);
  // while searching: the leaves the words or the items found point to (the groups' names count too)
  const categories = meta.categories
    .filter((c) => c.code !== 'other')
    .filter((c) => c.code === category || itemCategories.includes(c.code) || matches(q, c.name) || matches(q, groupName(c.group)))
    // the categories of the items found first, in the items' order
    .sort((a, b) => rank(itemCategories, a.code) - rank(itemCategories, b.code));
  // the chosen item stays in sight while the words change
  const items = item && !found.some((i) => i.id === item.id) ? [{ id: item.id, name: item.name, chosenOnly: true as const }, ...found] : found;
  return (
    <View className='item-picker'>
      <Input
        className='form-input category-search'
        placeholder='搜索事项或类别，如：用电增容、招聘、融资'
        value={query}
        maxLength={30}
        onChange={setQuery}
      />
      {items.length > 0 && (
        <View className='item-picker__items'>
          <View className='item-picker__title'>您要反映的是…</View>
          {items.map((i) => {
            const on = item?.id === i.id;
            return (
              <View
                key={i.id}
                className={`item-option${on ? ' item-option--active' : ''}`}
                onClick={() => ('chosenOnly' in i ? undefined : choose(i.category, { id: i.id, name: i.name, category: i.category }))}
              >
                <View className='item-option__name'>{i.name}</View>
                {'chosenOnly' in i ? (
                  <View className='item-option__meta'>已选择</View>
                ) : (
                  <View className='item-option__meta'>{categoryPath(i.category)} · {ownerOf(i)}</View>
                )}
                {on && <Text className='item-option__check'>✓</Text>}
              </View>
            );
          })}
        </View>
      )}
      <View className='item-picker__title item-picker__title--minor'>{items.length ? '都不是？按类别选择' : '按类别选择'}{q ? '' : '（先选大类，再选小类）'}</View>
      {q ? (
        // searching: the leaves whose names match, across groups, each with its group
        <View className='chips'>
          {categories.map((c) => (
            <Text key={c.code} className={`chip${category === c.code && !item ? ' chip--active' : ''}`} onClick={() => choose(c.code, null)}>
              <Text className='chip__group'>{groupName(c.group)} · </Text>
              <Text>{c.name}</Text>
            </Text>
          ))}
        </View>
      ) : (
        <CategoryPicker value={category} marked={!item} exclude={['other']} onChange={(c) => choose(c, null)} />
      )}
      <View className='chips'>
        <Text className={`chip chip--unsure${category === 'other' && !item ? ' chip--active' : ''}`} onClick={() => choose('other', null)}>
          不确定，请工作人员分类
        </Text>
      </View>
      {q && !found.length && categories.length === 0 && <View className='muted small'>没有找到“{q}”，可选“不确定”，由工作人员分类</View>}
    </View>
  );
}

const rank = (order: string[], code: string) => {
  const i = order.indexOf(code);
  return i < 0 ? order.length : i;
};
