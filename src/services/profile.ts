import { callService } from './call';
import type { Me, Meta, RequestStatus } from '../shared/api-types';
import { STATUS_LABELS } from '../shared/labels';

/** The signed-in user, remembered after the last `me` call so other pages can route by role. */
let me: Me | null = null;
let metaPromise: Promise<Meta> | null = null;

export async function loadMe(): Promise<Me> {
  me = await callService<Me>('me');
  return me;
}

export async function currentMe(): Promise<Me> {
  return me ?? loadMe();
}

/** Forget everything tied to the previous user (H5 user switch). */
export function forgetSession() {
  me = null;
}

/** Categories and status names; fetched once per app launch. */
export function loadMeta(): Promise<Meta> {
  if (!metaPromise) {
    metaPromise = callService<Meta>('meta').catch((e) => {
      metaPromise = null;
      throw e;
    });
  }
  return metaPromise;
}

export function categoryLabel(meta: Meta | null, code: string): string {
  return meta?.categories.find((c) => c.code === code)?.name ?? code;
}

export function statusLabel(meta: Meta | null, status: RequestStatus): string {
  return meta?.statuses[status] ?? STATUS_LABELS[status] ?? status;
}
