/**
 * The attachments an action carries (core/contract/attachments.ts), checked against who uploaded
 * them before anything is written: only the caller's own uploads (FILE_NOT_ALLOWED otherwise, the
 * rule of core/files/own-files.ts). Locally the upload record knows what the bytes were (sniffed by
 * server/sniff.ts), how big and under which name; those win over what the client said.
 */
import type { Ctx } from '../context';
import { ATTACHMENT_KINDS, cleanFileName, type Attachment, type AttachmentType } from '../contract/attachments';
import { AppError } from '../errors';
import { ownUploads } from './own-files';

const EXTS: string[] = Object.values(ATTACHMENT_KINDS).flatMap((k) => [...k.exts]);

export async function ownAttachments(ctx: Ctx, list: Attachment[]): Promise<Attachment[]> {
  if (!list.length) return [];
  const records = await ownUploads(ctx, list.map((a) => a.fileID), '附件', EXTS);
  return list.map((a) => {
    const r = records.get(a.fileID);
    if (!r) return a;
    if (r.type && !(r.type in ATTACHMENT_KINDS)) throw new AppError('FILE_NOT_ALLOWED', '附件无效：只能使用您本人刚上传的附件，请重新上传');
    return {
      fileID: a.fileID,
      name: r.name ? cleanFileName(r.name) : a.name,
      size: r.size ?? a.size,
      type: (r.type as AttachmentType | undefined) ?? a.type,
    };
  });
}

/** "（附件2个）": what a timeline text says when its entry carries attachments */
export const attachmentNote = (list: Attachment[]) => (list.length ? `（附件${list.length}个）` : '');

/** the event fields for a transition: attachments only when there are some */
export const withAttachments = (list: Attachment[]) => (list.length ? { attachments: list } : {});
