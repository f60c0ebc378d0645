/**
 * What a request's reader sees of its 并件 (core/desk/merge.ts), beside its own detail:
 *  - a linked request's enterprise: that it is handled together with the same problem reported by
 *    others, and the main's status, result and progress in the enterprise's words; nothing of the
 *    main's enterprise (no name, no number, none of its own acts);
 *    a CPPCC member, or an officer or liaison reading what it filed (代报, 直通车), reads the same;
 *  - the desk, leaders and admins: the main (number, enterprise, status), or the linked requests of a
 *    main (other enterprises' names, numbers and scores); other staff read the main's status only.
 * One get for a linked request, one getMany for a main's list (at most MERGE_CAP).
 */
import { STATUSES } from '../contract/catalog';
import { hasRole, type Ctx } from '../context';
import { readsAsStaff, seesMergedEnterprises } from '../queries/reader-rules';
import type { ServiceRequest } from '../model';
import { enterpriseText } from '../request-record';
import { requestRepo } from '../repos/requests';
import { byMainEnterprise, LINKED_EVENTS, linkedScorable } from './merge-rules';

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
  // in the enterprise's words for whoever reads as the enterprise (core/queries/read-requests.ts)
  const enterprise = !readsAsStaff(ctx.user);
  // other enterprises' requests (names, numbers, scores) for the desk only: not for a filer
  const desk = seesMergedEnterprises(ctx.user);
  // only the linked request's own enterprise scores it
  const scorer = hasRole(ctx.user, 'enterprise') && !!ctx.user.enterpriseId && ctx.user.enterpriseId === req.enterpriseId;
  const requests = requestRepo(ctx.ports.store);
  if (req.mergedInto) {
    const main = await requests.get(req.mergedInto.id);
    const timeline = (main?.timeline ?? [])
      .filter((e) => LINKED_EVENTS.includes(e.type) && !byMainEnterprise(main!, e))
      .map((e) => ({
        seq: e.seq, at: e.at, type: e.type, text: enterprise ? enterpriseText(main!, e) : e.text,
        ...(e.attachments?.length ? { attachments: e.attachments } : {}),
      }));
    return {
      kind: 'linked',
      at: req.mergedInto.at,
      main: {
        ...(!desk ? {} : { id: req.mergedInto.id, no: req.mergedInto.no, enterpriseName: main?.enterpriseName ?? '' }),
        status: main?.status ?? null,
        statusName: main ? STATUSES[main.status] : '',
        result: main?.result ?? null,
        resultKind: main?.resultKind ?? null,
        resolvedAt: main?.resolvedAt ?? null,
        timeline,
      },
      scorable: scorer && linkedScorable(req, main),
    };
  }
  if (req.mergedFrom?.length && desk) {
    const docs = await requests.getMany(req.mergedFrom.map((l) => l.id));
    return {
      kind: 'main',
      linked: req.mergedFrom.map((l) => ({ id: l.id, no: l.no, enterpriseName: docs.get(l.id)?.enterpriseName ?? '', score: docs.get(l.id)?.score ?? null, at: l.at })),
    };
  }
  return null;
}
