/**
 * A pseudonym stands for a user where the user must stay hidden from some readers: a complaint
 * about an official visit is filed under one, so the department it reaches never learns who
 * complained, while notifications still find the person behind it.
 */
import { randomBytes } from 'crypto';
import { C } from '../collections';
import type { User } from '../model';
import type { Ports } from '../ports';
import { userRepo } from '../repos/users';

export type Pseudonym = { _id: string; userId: string; createdAt: string };

export const isPseudonym = (id: string) => id.startsWith('anon-');

export async function newPseudonym(ports: Ports, userId: string, now: Date): Promise<string> {
  const id = `anon-${randomBytes(9).toString('hex')}`;
  await ports.store.collection<Pseudonym>(C.pseudonyms).add({ _id: id, userId, createdAt: now.toISOString() });
  return id;
}

/** the user behind a pseudonym, or null for anything else */
export async function userBehind(ports: Ports, id: string): Promise<User | null> {
  if (!isPseudonym(id)) return null;
  const p = await ports.store.collection<Pseudonym>(C.pseudonyms).get(id);
  return p ? userRepo(ports.store).get(p.userId) : null;
}
