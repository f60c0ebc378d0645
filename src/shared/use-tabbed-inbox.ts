import { useEffect, useRef, useState } from 'react';
import type { Meta } from './api-types';
import { loadMeta } from '../services/profile';
import { useListPageEvents, usePagedList } from './use-paged-list';

type TabbedPage<T> = { items: T[]; total: number; counts?: Record<string, number> };

/**
 * An inbox with tabs (待签收/办理中/已办结 and the like): a paged list per tab, reloaded when the page
 * shows, on pull-down and on a tab switch, extended at the bottom; plus the shared meta.
 */
export function useTabbedInbox<Tab extends string, T, R extends TabbedPage<T>>(first: Tab, fetch: (tab: Tab, page: number) => Promise<R>) {
  const [tab, setTab] = useState<Tab>(first);
  const [meta, setMeta] = useState<Meta | null>(null);
  const list = usePagedList<T, R>((page) => fetch(tab, page));

  useEffect(() => {
    loadMeta().then(setMeta).catch(() => undefined);
  }, []);
  useListPageEvents(list);

  // a tab switch refetches; the first render is left to useDidShow
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    list.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab]);
  const switchTab = (key: Tab) => {
    if (key === tab) return;
    list.reset();
    setTab(key);
  };

  return { tab, switchTab, meta, list, counts: list.last?.counts };
}
