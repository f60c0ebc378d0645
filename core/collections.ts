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
  // dashboards (core/stats, core/rankings, core/briefing)
  stats: 'stats',
  statsMarks: 'stats_marks',
  rankings: 'rankings',
  briefings: 'briefings',
  // official visits by QR code (core/visits)
  visits: 'visits',
  visitCodes: 'visit_codes',
  visitOpen: 'visit_open',
  visitFeedback: 'visit_feedback',
  visitPlans: 'visit_plans',
  pseudonyms: 'pseudonyms',
  invites: 'invites',
  bindings: 'bindings',
  audit: 'audit',
  rulesHistory: 'rules_history',
  // work longer than one call (core/jobs.ts): the registry import, large ledger exports; read by _id only
  jobs: 'jobs',
  jobParts: 'job_parts',
  // the self-hosted deployment only (server/): sign-in accounts, failure throttles, uploaded files
  accounts: 'accounts',
  throttles: 'throttles',
  uploads: 'uploads',
} as const;

export const INDEXES: Record<string, string[]> = {
  orgs: ['kind', 'parentId'],
  users: ['openid', 'gridIds', 'enterpriseId'],
  enterprises: ['creditCode', 'gridId'],
  requests: ['clientKey', 'enterpriseId,createdAt', 'assigneeId,status', 'status,createdAt', 'needsNotify', 'nextCheckAt', 'colour,createdAt', 'tierOrgId,status', 'no', 'statsPending'],
  cards: ['requestId', 'status'],
  warnings: ['resolved,createdAt'],
  visits: ['enterpriseId,checkinAt', 'status,lastActivityAt', 'presentIds', 'memberIds', 'deptIds', 'flagged,checkinAt', 'checkinAt', 'gridId,checkinAt'],
  visit_codes: ['enterpriseId', 'userId'],
  visit_feedback: ['visitId', 'enterpriseId,createdAt'],
  visit_plans: ['enterpriseId,status', 'deptId,createdAt', 'status,to', 'jointId'],
  invites: ['userId'],
  bindings: ['approverIds', 'userId,status', 'enterpriseId,status'],
  audit: ['at', 'entity,at'],
  outbox: ['status,nextAttemptAt'],
  messages: ['userId,createdAt', 'userId,read'],
  sessions: ['openid'],
  accounts: ['openid'],
};

/**
 * Collections read without an index on purpose, with the reason: small by nature, so a full read
 * costs a page or two. tests/integration/query-coverage.test.ts allows unindexed queries only here.
 */
export const SCAN_OK: Record<string, string> = {};
