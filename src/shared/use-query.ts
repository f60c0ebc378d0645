import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { errorText } from '../services/call';

type Options = {
  /** fetch again when the page shows again (back from a detail or an import page) */
  refetchOnShow?: boolean;
  /** more to fetch on every show and on pull-down, e.g. a filter's options (its failure is its own) */
  alongside?: () => Promise<unknown>;
};

/**
 * One answer that a page shows (a table page, a report): fetched when `deps` change (a filter, the
 * page number) and on pull-down; `load` fetches again on demand (retry, after an edit). An answer to a
 * superseded call is dropped, and the last good answer stays shown while `error` says why a later one
 * failed. `fetch` may return null to skip (e.g. a custom period without both dates).
 */
export function useQuery<T>(fetch: () => Promise<T> | null, deps: unknown[], options: Options = {}) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const generation = useRef(0);
  const fetcher = useRef(fetch);
  fetcher.current = fetch;
  const { refetchOnShow, alongside } = options;

  const load = async () => {
    const pending = fetcher.current();
    if (!pending) return;
    const gen = ++generation.current;
    setLoading(true);
    try {
      const res = await pending;
      if (gen !== generation.current) return;
      setData(res);
      setError('');
    } catch (e) {
      if (gen === generation.current) setError(errorText(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  };

  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  const shown = useRef(false);
  useDidShow(() => {
    alongside?.();
    if (shown.current && refetchOnShow) load();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    Promise.all([load(), alongside?.()]).finally(() => Taro.stopPullDownRefresh());
  });

  return { data, loading, error, load };
}

/**
 * A page's answer fetched each time the page shows and on pull-down: `onData` takes it and the error
 * clears, or `error` says why it failed (the last answer stays). `load` fetches again (retry, after an edit).
 */
export function useLoadOnShow<T>(fetch: () => Promise<T>, onData: (d: T) => void) {
  const [error, setError] = useState('');
  const load = () =>
    fetch()
      .then((d) => {
        onData(d);
        setError('');
      })
      .catch((e) => setError(errorText(e)));
  useDidShow(() => {
    load();
  });
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });
  return { error, load };
}
