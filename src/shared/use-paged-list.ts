import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { errorText } from '../services/call';

type PageResult<T> = { items: T[]; total: number };

/**
 * A list fetched page by page (1-based). `reload` starts over, `loadMore` appends the next page;
 * answers to superseded requests (e.g. after a tab switch) are dropped.
 */
export function usePagedList<T, R extends PageResult<T>>(fetchPage: (page: number) => Promise<R>) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const [last, setLast] = useState<R | null>(null);
  const page = useRef(0);
  const generation = useRef(0);
  const busy = useRef(false);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  const run = useCallback(async (nextPage: number, append: boolean) => {
    const gen = ++generation.current;
    busy.current = true;
    setLoading(true);
    try {
      const res = await fetcher.current(nextPage);
      if (gen !== generation.current) return;
      page.current = nextPage;
      setItems((prev) => (append ? [...prev, ...res.items] : res.items));
      setTotal(res.total);
      setLast(res);
      setError('');
    } catch (e) {
      if (gen !== generation.current) return;
      setError(errorText(e));
    } finally {
      if (gen === generation.current) {
        busy.current = false;
        setLoading(false);
        setLoaded(true);
      }
    }
  }, []);

  const reload = useCallback(() => run(1, false), [run]);

  const hasMore = items.length < total;
  const loadMore = useCallback(() => {
    if (busy.current || !hasMore) return Promise.resolve();
    return run(page.current + 1, true);
  }, [run, hasMore]);

  /** clear the list before loading a different one (tab switch) */
  const reset = useCallback(() => {
    generation.current++;
    busy.current = false;
    setItems([]);
    setTotal(0);
    setLoaded(false);
    setError('');
  }, []);

  return { items, setItems, total, loading, loaded, error, last, hasMore, reload, loadMore, reset };
}

/** A list page's own events for its list: reloaded when the page shows and on pull-down, extended at the bottom. */
export function useListPageEvents(list: { reload: () => Promise<void>; loadMore: () => Promise<void> }) {
  useDidShow(() => {
    list.reload();
  });
  usePullDownRefresh(() => {
    list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    list.loadMore();
  });
}
