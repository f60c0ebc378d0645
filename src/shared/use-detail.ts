import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Meta } from './api-types';
import { callService, errorText, toastError } from '../services/call';
import type { ActionName } from '../../core/contract/actions';
import type { Answer, Input } from '../../core/contract/answers';
import { loadMeta } from '../services/profile';

/** what useDetail gives a page: the answer (null until loaded), the meta, and the action runner */
export type DetailPage<T> = {
  detail: T | null;
  meta: Meta | null;
  error: string;
  busy: string;
  load: () => Promise<void>;
  act: (name: string, action: ActionName, fields: object, done: string) => Promise<boolean>;
};

/**
 * A detail page's data and actions: loads `getAction` with `key` (and the shared meta) each time the
 * page shows; `act` runs one action with the same key, toasts `done`, and reloads so the timeline and
 * the allowed actions are fresh. Only one action runs at a time (`busy` names it).
 */
export function useDetail<A extends ActionName>(getAction: A, key: Input<A>): DetailPage<Answer<A>>;
export function useDetail(getAction: ActionName, key: object): DetailPage<unknown> {
  const [detail, setDetail] = useState<unknown>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');

  const load = async () => {
    try {
      const [d, m] = await Promise.all([callService(getAction, key as Record<string, string>), loadMeta().catch(() => null)]);
      setDetail(d);
      setMeta(m);
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const act = async (name: string, action: ActionName, fields: object, done: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(name);
    try {
      await callService(action, { ...key, ...fields });
      Taro.showToast({ title: done, icon: 'none' });
      await load();
      return true;
    } catch (e) {
      toastError(e);
      return false;
    } finally {
      setBusy('');
    }
  };

  return { detail, meta, error, busy, load, act };
}
