/** A card's final answer (最终答复) and the request it resolves stay in step even when the request moves in between. */
import type { Collection, Doc, Store } from '../../core/ports';
import { makeHarness, submission, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

test('the sweep recolouring the request between the card update and the request update does not split them', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  const issued = await h.ok('u-sunli', { action: 'card.issue', id: request._id, leadDeptId: 'dep-zjj', coDeptIds: [], deadline: '2026-11-30', instructions: '请牵头答复' });
  await h.ok('u-fengyu', { action: 'card.accept', cardId: issued.card._id });
  const real = h.ports.store;
  let raced = false;
  // just before the resolving write, another writer (as the sweep would) bumps the request's version
  const racing: Store = {
    collection<T extends Doc>(name: string): Collection<T> {
      const c = real.collection<T>(name);
      if (name !== 'requests') return c;
      return {
        ...c,
        update: async (id, update, where) => {
          if (!raced && update.$set?.status === 'resolved') {
            raced = true;
            await c.update(id, { $inc: { seq: 1 }, $set: { colour: 'yellow' } });
          }
          return c.update(id, update, where);
        },
      };
    },
  };
  h.ports.store = racing;
  const r = await h.ok('u-fengyu', { action: 'card.final', cardId: issued.card._id, answer: '已明确办理路径并答复企业', confirm: true });
  expect(raced).toBe(true);
  expect(r.card.status).toBe('answered');
  expect(r.request).toMatchObject({ status: 'resolved', result: '已明确办理路径并答复企业' });
  h.ports.store = real;
  const stored = (await h.requests().get(request._id))!;
  expect(stored.status).toBe('resolved');
  expect(stored.timeline.filter((e) => e.type === 'resolved')).toHaveLength(1);
});
