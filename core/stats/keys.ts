/**
 * The shapes the counters store, on the request (its `stats` and `statsOp`) and in the counter
 * documents. A leaf: core/model.ts describes the stored documents with these, and the stats modules
 * (which read those documents) import the model, so the shapes live apart from both.
 */
export const RAW_FIELDS = [
  'n', 'open', 'done', 'rej', 'timed', 'onTime', 'late', 'odOpen', 'scored', 'sat', 'scoreSum',
  'everDone', 'reopened', 'urges', 'eu', 'hb', 'cb', 'cbBad', 'wmin', 'cw', 'cg', 'cy', 'cr', 'visits', 'vents',
  'cards', 'cardOk', 'cardLate', 'noAcc',
] as const;
export type RawField = (typeof RAW_FIELDS)[number];
export type Raw = Partial<Record<RawField, number>>;

/** bucket dimensions; 'all' is the whole district */
export const DIMENSIONS = ['tier', 'org', 'dept', 'cat', 'ch'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** a bucket a request counts in: 'all' or `${dimension}:${value}` (e.g. 'cat:dianli', 'dept:dep-zjj') */
export type Group = 'all' | `${Dimension}:${string}`;

/**
 * What one request adds to the counters, stored on the request (its `stats.key`) so the next
 * change can subtract exactly what was added. `d` is the Beijing submission date (YYYYMMDD).
 */
export type StatsKey = { d: string; gs: Group[]; f: Raw };

/** a counting operation in flight on a request: which ops it is, what it subtracts and adds */
export type StatsOp = { id: string; seq: number; from: StatsKey | null; to: StatsKey };
