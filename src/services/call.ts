import Taro from '@tarojs/taro';
import { getDevToken, LOGIN_PAGE } from './session';

import { functionOf, type ActionFunctionName, type ActionName } from '../../core/contract/actions';
import type { Answer, Input } from '../../core/contract/answers';

export type FieldError = { field: string; message: string };

type Envelope<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; details?: FieldError[] };

/** A failed call; `message` is Chinese and meant for the user. */
export class ApiError extends Error {
  readonly code: string;
  readonly details: FieldError[];

  constructor(code: string, message: string, details: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

let redirectingToLogin = false;

function goLogin() {
  if (redirectingToLogin) return;
  const pages = Taro.getCurrentPages();
  const current = pages[pages.length - 1];
  if (current && `/${(current.route || '').replace(/^\/+/, '')}`.startsWith(LOGIN_PAGE)) return;
  redirectingToLogin = true;
  Taro.reLaunch({ url: LOGIN_PAGE }).finally(() => {
    redirectingToLogin = false;
  });
}

/**
 * H5: one request to the local server and the envelope it answers. The failures are the caller's
 * `code` in its words: `unreachable` when the request could not be made, `garbled` (with the HTTP
 * status) when the answer is not JSON. Calls, sign-in and uploads all read answers here.
 */
export async function serverEnvelope<T>(send: () => Promise<Response>, code: string, unreachable: string, garbled: string): Promise<Envelope<T>> {
  let res: Response;
  try {
    res = await send();
  } catch {
    throw new ApiError(code, unreachable);
  }
  try {
    return (await res.json()) as Envelope<T>;
  } catch {
    throw new ApiError(code, `${garbled}（HTTP ${res.status}）`);
  }
}

async function post<T>(url: string, body: unknown): Promise<Envelope<T>> {
  // not signed in: the server would only answer 401, which the browser logs as an error on every first visit
  if (!getDevToken()) return { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' } as Envelope<T>;
  const send = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${getDevToken()}` },
      body: JSON.stringify(body),
    });
  return serverEnvelope<T>(send, 'NETWORK', '网络异常，请稍后重试', '服务暂不可用');
}

/** Open an envelope: the data, or an ApiError (and, in H5, a trip to the login page when signed out). */
export function unwrap<T>(envelope: Envelope<T> | undefined | null): T {
  if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
    throw new ApiError('BAD_RESPONSE', '服务返回异常，请稍后重试');
  }
  if (envelope.ok) return envelope.data;
  if (envelope.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') goLogin();
  throw new ApiError(envelope.code, envelope.message || '操作失败，请稍后重试', envelope.details);
}

/** The one way pages reach the backend: a cloud function in WeChat, the local server in H5. */
async function callFunction<T>(name: ActionFunctionName, data: object): Promise<T> {
  if (process.env.TARO_ENV === 'weapp') {
    let envelope: Envelope<T>;
    try {
      const res = await Taro.cloud.callFunction({ name, data: data as Record<string, unknown> });
      envelope = res.result as unknown as Envelope<T>;
    } catch {
      throw new ApiError('NETWORK', '网络异常，请稍后重试');
    }
    return unwrap(envelope);
  }
  return unwrap(await post<T>(`/api/${name}`, data));
}

/**
 * An action by name: callService('request.get', { id }), sent to the function that answers it. The
 * names are the contract's (core/contract/actions.ts): a name no function answers does not compile.
 * The fields are typed by the action's input schema and the answer by what the server's use case
 * returns (core/contract/answers.ts). Every page calls it so: no call names its own answer type.
 */
export function callService<A extends ActionName>(action: A, fields?: Input<A>): Promise<Answer<A>>;
export function callService(action: ActionName, fields: object = {}): Promise<unknown> {
  return callFunction(functionOf(action), { action, ...fields });
}

/** The user-facing text of any error. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请稍后重试';
}

/** Show an error as a toast (long messages are cut by WeChat at two lines). */
export function toastError(e: unknown) {
  if (e instanceof ApiError && e.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') return;
  Taro.showToast({ title: errorText(e), icon: 'none', duration: 2500 });
}
