import { callService } from './call';
import type { Colour, Level, Me, Meta, RejectKind, RequestStatus } from '../shared/api-types';
import { CHANNEL_LABELS, COLOUR_LABELS, LEVEL_LABELS, REJECT_KIND_LABELS, STATUS_LABELS } from '../shared/labels';
import { categoryName } from '../../core/contract/catalog';

/** The signed-in user, remembered after the last `me` call so other pages can route by role. */
let me: Me | null = null;
let metaPromise: Promise<Meta> | null = null;

export async function loadMe(): Promise<Me> {
  me = await callService('me');
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
    metaPromise = callService('meta').catch((e) => {
      metaPromise = null;
      throw e;
    });
  }
  return metaPromise;
}

export function categoryLabel(meta: Meta | null, code: string): string {
  // an old code (a request from before the taxonomy) reads as its leaf
  return meta?.categories.find((c) => c.code === code)?.name ?? categoryName(code);
}

export function statusLabel(meta: Meta | null, status: RequestStatus): string {
  return meta?.statuses[status] ?? STATUS_LABELS[status] ?? status;
}

export function levelLabel(meta: Meta | null, level: Level | undefined | null): string {
  if (!level) return '';
  return meta?.levels?.[level] ?? LEVEL_LABELS[level] ?? level;
}

export function colourLabel(meta: Meta | null, colour: Colour): string {
  return meta?.colours?.[colour] ?? COLOUR_LABELS[colour] ?? colour;
}

export function channelLabel(meta: Meta | null, channel: string): string {
  return (meta?.channels as Record<string, string> | undefined)?.[channel] ?? CHANNEL_LABELS[channel] ?? channel;
}

export function rejectKindLabel(meta: Meta | null, kind: RejectKind): string {
  return meta?.rejectKinds?.[kind] ?? REJECT_KIND_LABELS[kind] ?? kind;
}

/** the statuses in `meta` order, falling back to the built-in list */
export function statusEntries(meta: Meta | null): [RequestStatus, string][] {
  const src = meta?.statuses && Object.keys(meta.statuses).length ? meta.statuses : STATUS_LABELS;
  return Object.entries(src) as [RequestStatus, string][];
}
