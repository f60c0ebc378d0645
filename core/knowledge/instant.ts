/** Instant answers: a question the knowledge base settled on the submit page (kb.helped), no request made. */
import { C } from '../collections';
import type { Ctx } from '../context';

export type InstantAnswer = { _id: string; entryId: string; userId: string; enterpriseId: string | null; text: string; at: string };

/** instant answers given in [from, to): the dashboard's figure beside the requests collected (one count) */
export const countInstantAnswers = (ctx: Ctx, from: string, to: string) =>
  ctx.ports.store.collection<InstantAnswer>(C.instantAnswers).count({ at: { $gte: from, $lt: to } });
