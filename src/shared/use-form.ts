import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { ApiError, toastError } from '../services/call';
import { fieldErrors } from '../components/Field';

/** a form's problems, keyed by field name */
export type FieldErrors = Record<string, string>;

/** what an action returns when it leaves the page: the button stays busy until the page is gone */
export const LEAVING = 'leaving';

/**
 * A form's inline errors and its one action at a time, the same on every form:
 * - `check(found)` shows the problems found before sending next to their fields (and the first in a
 *   toast unless `quiet`, for forms whose errors may sit out of sight) and says whether there were none;
 * - `run(action)` sends once at a time: a refusal's field problems go next to their fields, its message
 *   to a toast; the button is free again afterwards unless the action answered LEAVING;
 * - `edited(field)` clears a field's error as it is typed in; `edit(field, set)` is `set` that does too.
 */
export function useForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const edited = (field: string) => setErrors((e) => (e[field] ? { ...e, [field]: '' } : e));
  /** a field's setter that also clears its error */
  const edit = <V>(field: string, set: (value: V) => void) => (value: V) => {
    set(value);
    edited(field);
  };

  const check = (found: FieldErrors, { quiet = false } = {}) => {
    setErrors(found);
    const first = Object.values(found).find(Boolean);
    if (first && !quiet) Taro.showToast({ title: first, icon: 'none' });
    return !first;
  };

  const run = async (action: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    let leaving = false;
    try {
      leaving = (await action()) === LEAVING;
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setErrors(fieldErrors(e.details));
      toastError(e);
    } finally {
      running.current = leaving;
      if (!leaving) setBusy(false);
    }
  };

  return { errors, setErrors, edited, edit, check, busy, run };
}
