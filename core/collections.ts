/**
 * Collection names and the fields queried on each. The SQLite adapter creates these indexes;
 * on CloudBase `npm run cloud:setup` creates the same ones (scripts/cloud-setup.mjs).
 * tests/integration/query-coverage.test.ts records every query the core issues and fails when one
 * is not served by an index declared here.
 */
export const C = {
  orgs: 'orgs',
  users: 'users',
  enterprises: 'enterprises',
  requests: 'requests',
  outbox: 'outbox',
  messages: 'messages',
  // consents to subscribe templates, per user and template (core/notify/consent.ts)
  subscriptions: 'subscriptions',
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
  // 茶叙会/企业家日 recorded by a dispatcher, with the requests raised there (core/intake/meeting.ts)
  meetings: 'meetings',
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
  // intake (core/knowledge): the knowledge base, and the questions it answered without a request
  kb: 'kb',
  instantAnswers: 'instant_answers',
  // the responsibility list (事项清单, core/knowledge/items.ts)
  items: 'items',
} as const;

/**
 * Array fields that filters look into with `$all` (the officers of a grid, a department's
 * requests, a user's visits), per collection. CloudBase indexes arrays itself (multikey indexes);
 * the SQLite store keeps a side table of (value, id) for each (adapters/sqlite-store.ts).
 */
export const ARRAY_FIELDS: Record<string, string[]> = {
  users: ['gridIds', 'roles'],
  requests: ['deptIds', 'recusal.userIds'],
  cards: ['deptIds'],
  visits: ['presentIds', 'memberIds', 'deptIds', 'flags'],
  bindings: ['approverIds'],
  // an enterprise's name as pairs of characters: a ledger search by a word inside the name (core/repos/enterprises.ts)
  enterprises: ['nameGrams'],
};

export const INDEXES: Record<string, string[]> = {
  orgs: ['kind,_id', 'parentId', 'active,_id', 'kind,name'],
  users: ['openid', 'gridIds,openCount,lastAssignedAt', 'enterpriseId', 'roles,_id'],
  enterprises: ['creditCode', 'gridId,_id', 'gridId,name', 'name', 'nameGrams,_id', 'liaisonId,name'],
  requests: [
    // (an index that is the start of another is left out: the longer one serves its queries, and each index is written with every request)
    'clientKey', 'no', 'assigneeId,status,dueAt', 'tierOrgId,status', 'needsNotify', 'nextCheckAt', 'statsPending',
    // the ledger: each filter it may be given alone leads one index, newest first (the _id breaks ties of a page)
    'createdAt,_id', 'status,createdAt,_id', 'colour,createdAt,_id', 'tierOrgId,createdAt,_id', 'tier,createdAt,_id', 'deptIds,createdAt,_id',
    'assigneeId,createdAt,_id', 'category,createdAt,_id', 'channel,createdAt,_id',
    'colour,urgeCount,createdAt',
    // a ledger search by enterprise: its requests (enterpriseId $in), newest first, in the ledger's order
    'enterpriseId,createdAt,_id',
    // complaints about a user, left out of what they read (core/recusal.ts)
    'recusal.userIds,_id',
    // 代报 and 直通车: what one filer filed for enterprises, newest first (request.filedByMe, core/intake/filed-by-me.ts)
    'filedBy.id,createdAt,_id',
  ],
  cards: ['requestId', 'status', 'deptIds,issuedAt', 'issuedAt,_id'],
  warnings: ['resolved,createdAt'],
  visits: [
    'status,lastActivityAt', 'presentIds,checkinAt',
    // the visit lists: each filter leads one index, newest first
    'checkinAt,_id', 'enterpriseId,checkinAt,_id', 'gridId,checkinAt,_id', 'memberIds,checkinAt,_id', 'deptIds,checkinAt,_id', 'status,checkinAt,_id',
    'flagged,checkinAt,_id', 'flags,checkinAt,_id', 'purpose,checkinAt,_id', 'red,checkinAt,_id',
  ],
  visit_codes: ['enterpriseId,createdAt,_id', 'userId,createdAt,_id'],
  visit_feedback: ['visitId,createdAt', 'enterpriseId,createdAt'],
  visit_plans: ['enterpriseId,status,from', 'enterpriseId,status,to,_id', 'deptId,createdAt,_id', 'status,to,_id', 'status,createdAt,_id', 'createdAt,_id', 'jointId'],
  invites: ['userId,_id', 'usedAt,expiresAt'],
  bindings: ['approverIds,createdAt', 'userId,status', 'enterpriseId,status', 'status'],
  audit: ['at,_id', 'entity,at,_id'],
  // the notify timer's queue; the dashboard's counts per channel and outcome (core/notify/reach.ts)
  outbox: ['status,nextAttemptAt', 'channel,status,createdAt', 'requestId,status,attempts'],
  // the message center; reach per officer (assignments and how they were delivered)
  messages: ['userId,createdAt', 'userId,read', 'userId,kind,createdAt'],
  subscriptions: ['userId'],
  rankings: ['period.to,period.from'],
  rules_history: ['version'],
  sessions: ['openid'],
  accounts: ['openid'],
  // the active entries the index is built from (read in _id pages); the console's list, latest edit first
  kb: ['active,_id', 'active,updatedAt,_id', 'question'],
  // instant answers counted per period (the dashboard) and per entry
  instant_answers: ['at', 'entryId,at'],
  // the responsibility list: the active items the index is built from (read in _id pages); the console's list, latest edit first; the import matches by name
  items: ['active,_id', 'active,updatedAt,_id', 'name'],
};

/**
 * Indexes (each also in INDEXES) whose values must not repeat: a backstop under what the code
 * already keeps unique. `users.openid` is deliberately NOT unique: invited staff wait with an
 * empty openid (many at once), and an invite redemption holds the openid on two records for a
 * moment (core/identity/resolve-caller.ts); lookups by openid handle both.
 */
export const UNIQUE_INDEXES: Record<string, string[]> = {
  requests: ['no'],
  enterprises: ['creditCode'],
};

/**
 * Collections read without an index on purpose, with the reason: small by nature, so a full read
 * costs a page or two. tests/integration/query-coverage.test.ts allows unindexed queries only here.
 */
export const SCAN_OK: Record<string, string> = {};

/**
 * Collections only the self-hosted server (server/) uses: sign-in sessions and accounts, failure
 * throttles, uploaded files. On CloudBase WeChat signs people in and files go to cloud storage, so
 * `npm run cloud:setup` does not create them.
 */
export const SELF_HOSTED_ONLY: readonly string[] = [C.sessions, C.accounts, C.throttles, C.uploads];
