/**
 * What each action answers, as the pages receive it: read off the server's own use cases (the action
 * tables keep each one's type), so the two sides cannot drift apart. Types only: nothing here reaches
 * a bundle. `callService('request.get', { id })` is typed `Promise<Answer<'request.get'>>`.
 */
import type { ConsoleTable } from '../console';
import type { ServiceTable } from '../service';
import type { SheetTable } from '../sheets';
import type { VisitTable } from '../visit-function';
import type { ActionName } from './actions';

type Tables = ServiceTable & ConsoleTable & VisitTable & SheetTable;

/** the data of a successful answer to this action (what the envelope's `data` holds) */
export type Answer<A extends ActionName> = A extends keyof Tables ? Awaited<ReturnType<Tables[A]>> : never;
