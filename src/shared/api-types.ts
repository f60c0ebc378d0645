/**
 * What the pages receive. The answers are read off the server's use cases (core/contract/answers.ts:
 * `Answer<'request.get'>`), so a field the server drops or renames fails the page's type check; the
 * shapes still written out here are the pages' own (filters they send, small unions they switch on).
 */

// the catalog's keys, as the server defines them (core/contract/catalog.ts)
export type { Colour, Level, PartyStatus, RejectKind, RequestStatus, Role, Tier } from '../../core/contract/catalog';
import type { Role } from '../../core/contract/catalog';
import type { Answer, Input } from '../../core/contract/answers';

export type Enterprise = { id: string; name: string; creditCode: string };

/** who am I (`me`), as the server answers it */
export type Me = Answer<'me'>;

/** 企业联系人绑定申请, as the approver (binding.list) and the applicant (me, enterprise.bind) see it */
export type BindingRequest = Answer<'binding.list'>['items'][number];
export type BindingStatus = BindingRequest['status'];

/** the catalogs the pages label with (meta) */
export type Meta = Answer<'meta'>;

/** a request as the lists show it */
export type RequestSummary = Answer<'officer.inbox'>['items'][number];

/** an extension asked for (延期申请) */
export type ExtensionRequest = NonNullable<RequestDetail['extension']>;

/** one callback (回访) */
export type CallbackRecord = NonNullable<RequestDetail['callbacks']>[number];

/** one step of a request's timeline */
export type TimelineEvent = RequestDetail['timeline'][number];

/** one change of a request's deadline */
export type SlaEvent = NonNullable<RequestDetail['slaHistory']>[number];

/** a request with its timeline, as request.get shows it */
export type RequestDetail = Answer<'request.get'>['request'];

/** what the caller may do on a request */
export type Permissions = Answer<'request.get'>['can'];

/** one department's part in a card */
export type CardParty = Card['parties'][number];
/** a supervision card (督办卡) as its request shows it */
export type Card = NonNullable<Answer<'request.get'>['card']>;
/** a card as the department's list shows it */
export type CardSummary = CardList['items'][number];
/** a department's cards page (card.list) */
export type CardList = Answer<'card.list'>;

/** a request as request.get answers it: the record, what the caller may do, its card */
export type RequestDetailResponse = Answer<'request.get'>;

/** what the dispatcher may choose from (desk.options) */
export type DeskOptions = Answer<'desk.options'>;

/** a row of the ledger */
export type LedgerRow = LedgerPage['items'][number];
/** the ledger's filters, as ledger.export takes them (ledger.list takes them too, with a page) */
export type LedgerFilters = Omit<Input<'ledger.export'>, 'jobId'>;
/** a page of the ledger with its colour counts (ledger.list) */
export type LedgerPage = Answer<'ledger.list'>;

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type InboxTab = 'todo' | 'doing' | 'done';
/** an officer's inbox page, as officer.inbox answers it */
export type Inbox = Answer<'officer.inbox'>;

/** a message of the message center */
export type Message = Answer<'messages.list'>['items'][number];

/* ---- notifications ---- */
/** one subscribe template as the caller stands with it (notify.settings) */
export type TemplateState = NotifySettings['templates'][number];
/** what WeChat answered for a template (requestSubscribeMessage, getSetting) */
export type ConsentAnswer = Exclude<TemplateState['state'], 'none'>;
/** the caller's consents and SMS choice (notify.settings) */
export type NotifySettings = Answer<'notify.settings'>;
/** one officer's row of the reach report */
export type ReachRow = ReachReport['rows'][number];
/** how quickly assignments reached their officers (desk.reach) */
export type ReachReport = Answer<'desk.reach'>;
/** one channel's counts */
export type ChannelCounts = NotifyStats['channels'][number];
/** messages sent per channel in a period (stats.notify) */
export type NotifyStats = Answer<'stats.notify'>;
/** admin rules: notify (core/notify/routing.ts NotifyRules), as admin.rules.get answers them */
export type NotifyRules = Answer<'admin.rules.get'>['rules']['notify'];
export type SmsMode = NotifyRules['sms']['assignment'];

export type DevUser = { id: string; name: string; roles: Role[]; roleLabel: string; detail: string };
