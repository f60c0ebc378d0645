/**
 * What a request's reader sees of its 并件 (core/desk/merge.ts), beside its own detail:
 *  - a linked request's enterprise: that it is handled together with the same problem reported by
 *    others, and the main's status, result and progress in the enterprise's words; nothing of the
 *    main's enterprise (no name, no number, none of its own acts);
 *  - the desk and other staff: the main (number, enterprise, status), or the linked requests of a main.
 * One get for a linked request, one getMany for a main's list (at most MERGE_CAP).
 */
import { STATUSES } from '../contract/catalog';
import { hasRole, type Ctx } from '../context';
import type { ServiceRequest } from '../model';
import { enterpriseText } from '../request-record';
import { requestRepo } from '../repos/requests';
import { LINKED_EVENTS, linkedScorable } from './merge-rules';

export type MergeView =
  | {
      kind: 'linked';
      at: string;
      /** the main as its reader may see it: the desk sees its number and enterprise */
      main: {
        id?: string; no?: string; enterpriseName?: string;
        status: ServiceRequest['status'] | null; statusName: string;
        result: string | null; resultKind: ServiceRequest['resultKind'] | null; resolvedAt: string | null;
        timeline: { seq: number; at: string; type: string; text: string; attachments?: unknown[] }[];
      };
      /** the linked enterprise may score the main's result now */
      scorable: boolean;
    }
  | { kind: 'main'; linked: { id: string; no: string; enterpriseName: string; score: number | null; at: string }[] };

export async function mergeView(ctx: Ctx, req: ServiceRequest): Promise<MergeView | null> {
  const enterprise = hasRole(ctx.user, 'enterprise');
  const requests = requestRepo(ctx.ports.store);
  if (req.mergedInto) {
    const main = await requests.get(req.mergedInto.id);
    const timeline = (main?.timeline ?? [])
      .filter((e) => LINKED_EVENTS.includes(e.type) && !(e.actorId && e.actorId === main!.submitterId))
      .map((e) => ({
        seq: e.seq, at: e.at, type: e.type, text: enterprise ? enterpriseText(main!, e) : e.text,
        ...(e.attachments?.length ? { attachments: e.attachments } : {}),
      }));
    return {
      kind: 'linked',
      at: req.mergedInto.at,
      main: {
        ...(enterprise ? {} : { id: req.mergedInto.id, no: req.mergedInto.no, enterpriseName: main?.enterpriseName ?? '' }),
        status: main?.status ?? null,
        statusName: main ? STATUSES[main.status] : '',
        result: main?.result ?? null,
        resultKind: main?.resultKind ?? null,
        resolvedAt: main?.resolvedAt ?? null,
        timeline,
      },
      scorable: enterprise && linkedScorable(req, main),
    };
  }
  if (req.mergedFrom?.length && !enterprise) {
    const docs = await requests.getMany(req.mergedFrom.map((l) => l.id));
    return {
      kind: 'main',
      linked: req.mergedFrom.map((l) => ({ id: l.id, no: l.no, enterpriseName: docs.get(l.id)?.enterpriseName ?? '', score: docs.get(l.id)?.score ?? null, at: l.at })),
    };
  }
  return null;
}
