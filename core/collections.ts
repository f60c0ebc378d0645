/**
 * Collection names and the fields queried on each. The SQLite adapter creates these indexes;
 * on CloudBase create the same ones in the console (README lists them).
 */
export const C = {
  orgs: 'orgs',
  users: 'users',
  enterprises: 'enterprises',
  requests: 'requests',
  outbox: 'outbox',
  messages: 'messages',
  counters: 'counters',
  sessions: 'sessions',
  cards: 'cards',
  settings: 'settings',
  warnings: 'warnings',
} as const;

export const INDEXES: Record<string, string[]> = {
  orgs: ['kind', 'parentId'],
  users: ['openid', 'gridIds', 'enterpriseId'],
  enterprises: ['creditCode', 'gridId'],
  requests: ['clientKey', 'enterpriseId,createdAt', 'assigneeId,status', 'status,createdAt', 'needsNotify', 'nextCheckAt', 'colour,createdAt', 'tierOrgId,status', 'no'],
  cards: ['requestId', 'status'],
  warnings: ['resolved,createdAt'],
  outbox: ['status,nextAttemptAt'],
  messages: ['userId,createdAt', 'userId,read'],
};
