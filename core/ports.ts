/**
 * Ports: the only ways the domain core touches the world.
 * Shaped by WeChat cloud DB semantics so the same core runs on CloudBase unchanged:
 * documents by _id, a Mongo-style filter subset, paged reads, single-document atomic
 * conditional updates, atomic increments.
 */
import type { User } from './model';

export type Doc = { _id: string; [key: string]: unknown };

/** A comparison on one field. Plain values mean equality. */
export type FieldCondition =
  | string | number | boolean | null
  | {
      $eq?: unknown; $ne?: unknown;
      $gt?: number | string; $gte?: number | string; $lt?: number | string; $lte?: number | string;
      $in?: unknown[]; $nin?: unknown[];
      /** array field contains every listed value */
      $all?: unknown[];
      $exists?: boolean;
    };

/** Field paths may be dotted ("contact.phone"). `$or` takes a list of sub-filters. */
export type Filter = { [field: string]: FieldCondition | Filter[] | undefined; $or?: Filter[] };

export type Update = {
  $set?: Record<string, unknown>;
  $inc?: Record<string, number>;
  /** append one value or { $each: [...] } to an array field */
  $push?: Record<string, unknown>;
  $unset?: string[];
};

export type FindOptions = {
  orderBy?: Array<[string, 'asc' | 'desc']>;
  skip?: number;
  /** page size; adapters cap it at MAX_PAGE */
  limit?: number;
};

export const MAX_PAGE = 100;

export interface Collection<T extends Doc = Doc> {
  get(id: string): Promise<T | null>;
  /** insert; fails with StoreError('DUPLICATE_ID') if _id exists. Returns the _id. */
  add(doc: Omit<T, '_id'> & { _id?: string }): Promise<string>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /**
   * Atomic conditional update of one document: applied only if the document with this id
   * also matches `where`. Returns true if it was applied.
   */
  update(id: string, update: Update, where?: Filter): Promise<boolean>;
  /** atomically add `by` to a numeric field (created as 0 if missing, doc created if missing); returns the new value */
  increment(id: string, field: string, by?: number): Promise<number>;
  remove(id: string): Promise<boolean>;
}

export interface Store {
  collection<T extends Doc = Doc>(name: string): Collection<T>;
}

export class StoreError extends Error {
  constructor(public code: 'DUPLICATE_ID' | 'BAD_FILTER' | 'BAD_UPDATE' | 'STORE_FAILED', message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** for `.catch` after an insert whose _id makes it idempotent: a duplicate means it is there already; anything else is thrown on */
export const ignoreDuplicate = (e: unknown): void => {
  if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
};

/** Wall clock. Always UTC instants; Beijing-time views come from core/time.ts. */
export interface Clock {
  now(): Date;
}

/** One subscribe message (订阅消息) to one WeChat user. */
export type OutgoingMessage = {
  openid: string;
  /** key into the template config (config/subscribe-templates.json), not a raw template id */
  template: string;
  /** page the message opens, e.g. "subpkg-enterprise/detail/index?id=..." */
  page: string;
  data: Record<string, string>;
  /** the template id from config/subscribe-templates.json (the one declaration client and server share) */
  templateId?: string;
};

export type SendResult =
  | { ok: true }
  /** retryable: network, rate limit, system busy */
  | { ok: false; retry: boolean; error: string };

export interface Notifier {
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** One SMS (Tencent Cloud SMS SendSms) to one mainland phone, by an approved template. */
export type OutgoingSms = {
  /** 11-digit mainland mobile number (the adapter writes it as E.164 +86…) */
  phone: string;
  /** key into config/sms-templates.json (core/notify/sms-templates.ts) */
  template: string;
  /** the approved template id from the same declaration ('' until configured) */
  templateId: string;
  /** the template's variables {1}, {2}, … in order, already cut to the declared length */
  params: string[];
};

/**
 * Text messages for staff (and enterprises that opted in). CloudBase and self-hosted: Tencent Cloud
 * SMS (adapters/tencent-sms.ts); demo and tests: a recording stand-in (adapters/local-ports.ts).
 * Results use SendResult: `retry` for network, rate limits and Tencent's transient errors.
 */
export interface SmsSender {
  /** false when the deployment has no SMS account configured: nothing is queued for SMS at all */
  readonly configured: boolean;
  /**
   * absent in a function that leaves sending to the timers (CloudBase's service and sheets,
   * adapters/sms-account.ts): an SMS entry it meets stays pending, unclaimed, for the notify timer
   */
  send?(message: OutgoingSms): Promise<SendResult>;
}

/** One post to a 企业微信 group robot (群机器人) webhook. */
export type RobotPost = {
  /** https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (validated when the admin saves it) */
  webhook: string;
  /** markdown content, ≤ 4096 bytes (the adapter cuts it) */
  text: string;
};

export interface RobotSender {
  post(message: RobotPost): Promise<SendResult>;
}

/** Who is calling: resolved by the transport (CloudBase: getWXContext().OPENID; local: dev-login token). */
export type Caller = {
  openid: string;
  /**
   * The users holding this openid (at most two) as the host itself read them in this same call: the
   * local server's session check does, and hands them on to save the function the same lookup. Set
   * by the host only, never from an event. Absent (CloudBase): the function looks them up.
   */
  holders?: User[];
};

/** Text safety check (CloudBase: security.msgSecCheck). Local: always passes. */
export interface ContentCheck {
  check(text: string, openid: string): Promise<{ ok: true } | { ok: false; reason: string }>;
}

/** Where generated files (ledger exports, briefings) go. CloudBase: cloud storage; local: DATA_DIR/files. */
export interface FileStore {
  save(path: string, bytes: Uint8Array, contentType: string): Promise<{ fileID: string; url: string }>;
  /** an uploaded file (e.g. an import spreadsheet) by the fileID the upload returned; null if missing */
  read?(fileID: string): Promise<Uint8Array | null>;
}

/**
 * Scannable codes for a page and a short scene (at most 32 characters). CloudBase: a mini-program
 * code from wxacode.getUnlimited; local: a QR image of the H5 URL of the same page and scene.
 */
export interface QrCode {
  image(page: string, scene: string): Promise<{ fileID: string; url: string }>;
  /** which mini-program version the codes open (CloudBase: release/trial/develop); images are kept per version */
  version?: string;
}

export type Ports = {
  store: Store;
  clock: Clock;
  notifier: Notifier;
  /** SMS for staff and opted-in enterprises; absent = no SMS channel (core/notify/routing.ts) */
  sms?: SmsSender;
  /** 企业微信 group robots of desk teams; absent = none */
  robot?: RobotSender;
  contentCheck: ContentCheck;
  files?: FileStore;
  /** visit codes (公务入企码) and officials' personal codes */
  qrCode?: QrCode;
  /** deployment settings that are not rules: the one-time code that makes the first admin */
  config?: {
    bootstrapAdminCode?: string;
    /** CloudBase environment id: referenced cloud:// files must be in it */
    cloudEnv?: string;
    /** submits per enterprise per hour before RATE_LIMITED (default 20) */
    submitsPerHour?: number;
  };
  /** makes unique ids; injectable so tests are deterministic */
  newId?: () => string;
};
