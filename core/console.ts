/**
 * The console function: the leaders' figures (dashboard, 红黄榜, 简报, calendar warnings), and the text
 * matcher's actions (the knowledge base's and the responsibility list's suggestions and upkeep, the
 * dispatcher's 疑似重复 and 并件). They carry the rankings, the dashboard and the matcher, so they are a
 * function of their own and the service function, called on every tap, stays small. The admin
 * console's upkeep (orgs, staff, the registry, rules, the audit log) and every spreadsheet action are
 * the sheets function's (core/sheets.ts): rare calls, heavier code.
 */
import { listWarnings } from './sla/calendar-warnings';
import { dashboard } from './stats/dashboard';
import { statsVerify } from './stats/verify';
import { notifyStats } from './notify/reach';
import { computeRankingAction, configureRankings, getRanking, listRankings, rankingSettings } from './rankings/rankings';
import { viewBriefing } from './briefing/briefing';
import { listKb, markHelped, removeKb, saveKb, suggestAnswers } from './knowledge/actions';
import { listItems, removeItem, saveItem, suggestItems, triageItems } from './knowledge/item-actions';
import { mergeRequests, unmergeRequest } from './desk/merge';
import { recordMeeting } from './intake/meeting';
import { actionFunction, tableOf } from './action-function';
import { ACTIONS_BY_FUNCTION, type ConsoleAction } from './contract/actions';
import type { FunctionOptions, Handler } from './function-shell';
import type { Ports } from './ports';

const CONSOLE_TABLE = tableOf<ConsoleAction>()({
  'system.warnings': listWarnings,
  // leaders' dashboard, 红黄榜, 简报 (core/stats, core/rankings, core/briefing)
  'stats.dashboard': dashboard,
  'stats.verify': statsVerify,
  // how notifications reached people (core/notify/reach.ts)
  'stats.notify': notifyStats,
  'rankings.compute': computeRankingAction,
  'rankings.list': listRankings,
  'rankings.get': getRanking,
  'rankings.settings': rankingSettings,
  'rankings.configure': configureRankings,
  'briefing.view': viewBriefing,
  // the knowledge base (core/knowledge): the submit page's suggestions and instant answers, and its
  // upkeep; here rather than in the service function, whose bundle stays without the matcher
  'kb.suggest': suggestAnswers,
  'kb.helped': markHelped,
  'kb.list': listKb,
  'kb.save': saveKb,
  'kb.remove': removeKb,
  // the responsibility list (core/knowledge/item-actions.ts): matched here too, for the same reason
  'items.suggest': suggestItems,
  'items.triage': triageItems,
  'desk.merge': mergeRequests,
  'desk.unmerge': unmergeRequest,
  'meeting.record': recordMeeting,
  'items.list': listItems,
  'items.save': saveItem,
  'items.remove': removeItem,
});
/** what each action answers (core/contract/answers.ts) */
export type ConsoleTable = typeof CONSOLE_TABLE;


/** every action of the console function (src/services/call.ts routes these names to it) */
export const CONSOLE_ACTIONS: readonly string[] = ACTIONS_BY_FUNCTION.console;

export function createConsole(hostPorts: Ports, options: FunctionOptions = {}): Handler {
  return actionFunction(hostPorts, CONSOLE_TABLE, options);
}
