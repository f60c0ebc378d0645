/**
 * The supervision cards (督办卡): every way the use cases read them, beside the index of
 * core/collections.ts (INDEXES.cards, and the side table of deptIds) that serves it, and the one
 * guarded write (a card changes only from the version read, while open). One store call per method.
 */
import { C } from '../collections';
import type { SupervisionCard } from '../model';
import { MAX_PAGE, type Store } from '../ports';
import { getMany } from '../read-all';

export function cardRepo(store: Store) {
  const c = store.collection<SupervisionCard>(C.cards);
  return {
    get: (id: string) => c.get(id),
    /** by ids, one read per 100 (a ledger page's cards) */
    getMany: (ids: Array<string | null | undefined>) => getMany(c, ids),
    add: (card: SupervisionCard) => c.add(card),
    /** changes an open card from the version read: false when it moved or closed meanwhile */
    updateOpenAt: (card: Pick<SupervisionCard, '_id' | 'version'>, set: Partial<SupervisionCard>) =>
      c.update(card._id, { $set: set, $inc: { version: 1 } }, { version: card.version, status: 'open' }),
    /** a department's latest cards, newest first: 'deptIds,issuedAt' (the deptIds side table) */
    latestOfDepartment: (deptId: string, limit: number) => c.find({ deptIds: { $all: [deptId] } }, { orderBy: [['issuedAt', 'desc']], limit }),
    /** cards issued from an instant until another, in (issuedAt, _id) order: 'issuedAt,_id' */
    issuedBetween: (from: string, before: string) =>
      c.find({ issuedAt: { $gte: from, $lt: before } }, { orderBy: [['issuedAt', 'asc'], ['_id', 'asc']], limit: MAX_PAGE }),
  };
}
