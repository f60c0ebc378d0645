/** Stored document shapes. Instants are ISO strings (UTC); see time.ts for Beijing views. */
import type { CategoryCode, Channel, RequestStatus, Role } from './catalog';

export type OrgKind = 'district' | 'street' | 'community' | 'grid' | 'department';

export type Org = {
  _id: string;
  kind: OrgKind;
  name: string;
  /** district ← street ← community ← grid; departments hang under the district */
  parentId: string | null;
  active: boolean;
};

export type User = {
  _id: string;
  openid: string;
  name: string;
  roles: Role[];
  phone?: string;
  active: boolean;
  /** officer / liaison availability */
  onDuty?: boolean;
  capacity?: number;
  openCount?: number;
  lastAssignedAt?: string | null;
  gridIds?: string[];
  departmentId?: string | null;
  /** tier center a dispatcher works at */
  orgId?: string | null;
  enterpriseId?: string | null;
  createdAt: string;
};

export type Enterprise = {
  _id: string;
  name: string;
  creditCode: string;
  address: string;
  gridId: string;
  industry: string;
  scale: string;
  liaisonId: string | null;
  contactIds: string[];
  /** kept beside contactIds so the cap is one atomic condition */
  contactCount: number;
  createdAt: string;
};

export type TimelineEvent = {
  seq: number;
  at: string;
  type:
    | 'submitted' | 'queued' | 'assigned' | 'accepted' | 'progress' | 'resolved'
    | 'closed' | 'reopened' | 'requeued';
  actorId: string | null;
  actorName: string;
  text: string;
};

export type ServiceRequest = {
  _id: string;
  no: string;
  clientKey: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string;
  /** tier center whose queue holds it while unassigned (the grid's community) */
  queueOrgId: string;
  submitterId: string;
  channel: Channel;
  category: CategoryCode;
  description: string;
  photos: string[];
  phone: string;
  status: RequestStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeRole: Role | null;
  result: string | null;
  score: number | null;
  comment: string | null;
  reopenCount: number;
  createdAt: string;
  updatedAt: string;
  assignedAt: string | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** seq of the newest timeline event; doubles as an optimistic-concurrency version */
  seq: number;
  /** true until the outbox entries for the newest events exist */
  needsNotify: boolean;
  notifiedSeq: number;
  /** set once a "waiting in queue" note is on the timeline, so retries don't repeat it */
  waitingNoted: boolean;
  timeline: TimelineEvent[];
};

export type OutboxEntry = {
  /** dedupe key: `${requestId}:${seq}:${userId}` */
  _id: string;
  userId: string;
  openid: string;
  requestId: string;
  template: string;
  page: string;
  data: Record<string, string>;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type Message = {
  /** same key as the outbox entry it mirrors */
  _id: string;
  userId: string;
  requestId: string;
  title: string;
  body: string;
  read: boolean;
  createdAt: string;
};

export type Session = { _id: string; openid: string; createdAt: string };
