/** Shapes of the backend contract (the `service` cloud function), as the pages see them. */

export type Role = 'enterprise' | 'officer' | 'liaison' | 'department' | 'dispatcher' | 'leader' | 'admin';
export type RequestStatus = 'queued' | 'assigned' | 'accepted' | 'resolved' | 'closed';

export type Enterprise = { id: string; name: string; creditCode: string };

export type Me = {
  user: {
    id: string;
    name: string;
    roles: Role[];
    enterpriseId: string | null;
    enterprise: Enterprise | null;
  };
  unread: number;
};

export type Meta = {
  categories: { code: string; name: string }[];
  statuses: Record<RequestStatus, string>;
};

export type RequestSummary = {
  _id: string;
  no: string;
  enterpriseId: string;
  enterpriseName: string;
  category: string;
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
  channel: string;
};

export type TimelineEvent = { seq: number; at: string; type: string; actorName: string; text: string };

export type RequestDetail = RequestSummary & { timeline: TimelineEvent[] };

export type Permissions = { accept: boolean; progress: boolean; resolve: boolean; confirm: boolean; reopen: boolean };

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type InboxTab = 'todo' | 'doing' | 'done';
export type Inbox = Page<RequestSummary> & { counts: Record<InboxTab, number> };

export type Message = {
  _id: string;
  title: string;
  body: string;
  requestId: string | null;
  read: boolean;
  createdAt: string;
};

export type DevUser = { id: string; name: string; roles: Role[]; roleLabel: string; detail: string };
