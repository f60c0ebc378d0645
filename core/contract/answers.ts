/**
 * What each action takes and answers, as the pages send and receive it: read off the server's own use
 * cases (the action tables keep each one's type), so the two sides cannot drift apart. Types only:
 * nothing here reaches a bundle. `callService('request.get', { id })` is typed by
 * `Input<'request.get'>` and `Promise<Answer<'request.get'>>`.
 */
import type { ConsoleTable } from '../console';
import type { ServiceTable } from '../service';
import type { SheetTable } from '../sheets';
import type { VisitTable } from '../visit-function';
import type { ActionName } from './actions';
import type { SentShape } from './schema';

type Tables = ServiceTable & ConsoleTable & VisitTable & SheetTable;

/** the data of a successful answer to this action (what the envelope's `data` holds) */
export type Answer<A extends ActionName> = A extends keyof Tables ? Awaited<ReturnType<Tables[A]>> : never;

/** the fields an action whose use case declares no input takes: none */
export type NoInput = Record<string, never>;

type Declared<A extends keyof Tables> = SentShape<Parameters<Tables[A]>[1]>;
type TakesNothing<A extends keyof Tables> = Parameters<Tables[A]>['length'] extends 0 | 1 ? true : false;

/**
 * The fields the pages send with this action (besides its name), as its input schema takes them
 * (z.input: before defaults and trimming): the use case's `input: Sent<typeof Schema>`
 * (core/contract/schema.ts). A use case still taking `input: unknown` takes any fields.
 */
export type Input<A extends ActionName> = A extends keyof Tables
  ? TakesNothing<A> extends true ? NoInput : [Declared<A>] extends [never] ? Record<string, unknown> : Declared<A>
  : never;

/** the actions whose use case takes `input: unknown` rather than a declared schema (held to none by a test) */
export type UntypedActions = { [A in ActionName]: A extends keyof Tables ? (TakesNothing<A> extends true ? never : [Declared<A>] extends [never] ? A : never) : never }[ActionName];
