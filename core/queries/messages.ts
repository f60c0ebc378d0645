/** The in-app message center: every notification also lands here, whatever happened to the push. */
import { C } from '../collections';
import type { Ctx } from '../context';
import type { Message } from '../model';
import { MessagePageInput, MessageReadInput } from '../contract/account';
import type { Sent } from '../contract/schema';
import { parseInput } from '../validation';

export async function unreadCount(ctx: Ctx) {
  return ctx.ports.store.collection<Message>(C.messages).count({ userId: ctx.user._id, read: false });
}

export async function listMessages(ctx: Ctx, input: Sent<typeof MessagePageInput>) {
  const { page } = parseInput(MessagePageInput, input);
  const messages = ctx.ports.store.collection<Message>(C.messages);
  const pageSize = 20;
  const [items, total, unread] = await Promise.all([
    messages.find({ userId: ctx.user._id }, { orderBy: [['createdAt', 'desc']], skip: (page - 1) * pageSize, limit: pageSize }),
    messages.count({ userId: ctx.user._id }),
    unreadCount(ctx),
  ]);
  return { items, total, unread, page, pageSize };
}

export async function readMessages(ctx: Ctx, input: Sent<typeof MessageReadInput>) {
  const { id, all } = parseInput(MessageReadInput, input);
  const messages = ctx.ports.store.collection<Message>(C.messages);
  // only the caller's own messages: the userId condition makes another user's id a no-op
  if (id) await messages.update(id, { $set: { read: true } }, { userId: ctx.user._id });
  if (all) {
    for (;;) {
      const batch = await messages.find({ userId: ctx.user._id, read: false }, { limit: 100 });
      if (!batch.length) break;
      for (const m of batch) await messages.update(m._id, { $set: { read: true } }, { userId: ctx.user._id });
    }
  }
  return { unread: await unreadCount(ctx) };
}
