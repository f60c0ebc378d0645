/** Pseudonyms: a fresh, unguessable stand-in per use that only the store links back to the person. */
import { C } from '../collections';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { isPseudonym, newPseudonym, userBehind, type Pseudonym } from './pseudonym';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const now = new Date('2026-11-23T02:00:00Z');

test('a new pseudonym is random, reveals nothing of the user, and is stored with who it stands for', async () => {
  const a = await newPseudonym(h.ports, 'u-linxiao', now);
  const b = await newPseudonym(h.ports, 'u-linxiao', now);
  expect(a).toMatch(/^anon-[0-9a-f]{18}$/);
  expect(b).not.toBe(a);
  expect(a).not.toContain('linxiao');
  expect(isPseudonym(a)).toBe(true);
  expect(await h.store.collection<Pseudonym>(C.pseudonyms).get(a)).toEqual({ _id: a, userId: 'u-linxiao', createdAt: '2026-11-23T02:00:00.000Z' });
});

test('userBehind finds the person behind a pseudonym and nothing for any other id', async () => {
  const id = await newPseudonym(h.ports, 'u-linxiao', now);
  expect(await userBehind(h.ports, id)).toMatchObject({ _id: 'u-linxiao', name: '林晓' });
  // a real user id is not a pseudonym: it is not resolved through this door
  expect(isPseudonym('u-linxiao')).toBe(false);
  expect(await userBehind(h.ports, 'u-linxiao')).toBeNull();
  // a pseudonym nobody issued, or one whose record names a user that is gone
  expect(await userBehind(h.ports, 'anon-000000000000000000')).toBeNull();
  await h.store.collection<Pseudonym>(C.pseudonyms).add({ _id: 'anon-gone', userId: 'u-gone', createdAt: now.toISOString() });
  expect(await userBehind(h.ports, 'anon-gone')).toBeNull();
});

test('a pseudonym record under an id without the prefix is never resolved', async () => {
  await h.store.collection<Pseudonym>(C.pseudonyms).add({ _id: 'x-linxiao', userId: 'u-linxiao', createdAt: now.toISOString() });
  expect(await userBehind(h.ports, 'x-linxiao')).toBeNull();
});
