/**
 * Attachments (附件) on a timeline entry or a card reply: photos and files (pdf, Word, Excel), each
 * `{ fileID, name, size, type }`. The kinds are the ones the local upload sniffs from the bytes
 * (server/sniff.ts) and the mini-program picks by extension; the type and the fileID's extension
 * must agree. No imports beyond the contract: the mini-program bundles this file.
 */
import { MAX_ATTACHMENTS, MAX_FILE_BYTES, MAX_FILE_NAME, MAX_IMAGE_BYTES } from './limits';
import { z, zFileId } from './schema';

/** every attachment kind: MIME type → the extensions its fileID may end with, and its label */
export const ATTACHMENT_KINDS = {
  'image/jpeg': { exts: ['jpg', 'jpeg'], label: 'JPG', image: true },
  'image/png': { exts: ['png'], label: 'PNG', image: true },
  'image/webp': { exts: ['webp'], label: 'WEBP', image: true },
  'image/gif': { exts: ['gif'], label: 'GIF', image: true },
  'application/pdf': { exts: ['pdf'], label: 'PDF', image: false },
  'application/msword': { exts: ['doc'], label: 'DOC', image: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { exts: ['docx'], label: 'DOCX', image: false },
  'application/vnd.ms-excel': { exts: ['xls'], label: 'XLS', image: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { exts: ['xlsx'], label: 'XLSX', image: false },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_KINDS;
const TYPES = Object.keys(ATTACHMENT_KINDS) as [AttachmentType, ...AttachmentType[]];

/** the file extensions a picker offers for files (chooseMessageFile's extension filter, <input accept>) */
export const FILE_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx'] as const;

/** the MIME type an extension stands for, or null when it is no kind we take */
export function typeOfExtension(ext: string): AttachmentType | null {
  const e = ext.toLowerCase().replace(/^\./, '');
  return TYPES.find((t) => (ATTACHMENT_KINDS[t].exts as readonly string[]).includes(e)) ?? null;
}

export const isImageType = (type: string) => type in ATTACHMENT_KINDS && ATTACHMENT_KINDS[type as AttachmentType].image;

/** "1.2 MB", "350 KB": a file chip's size */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * A file name as it is kept and shown: no path, no control or markup characters, at most
 * MAX_FILE_NAME characters with its extension kept.
 */
export function cleanFileName(raw: string, fallback = '附件'): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  if (!clean || /^\.+$/.test(clean)) return fallback;
  const chars = [...clean];
  if (chars.length <= MAX_FILE_NAME) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 6 ? clean.slice(dot) : '';
  return [...clean.slice(0, clean.length - ext.length)].slice(0, MAX_FILE_NAME - ext.length).join('') + ext;
}

const zOneAttachment = z
  .object({
    fileID: zFileId,
    name: z.string({ required_error: '附件缺少文件名', invalid_type_error: '附件文件名格式不正确' }).trim().min(1, '附件缺少文件名').max(200, '附件文件名过长'),
    size: z.number({ required_error: '附件缺少大小', invalid_type_error: '附件大小格式不正确' }).int('附件大小格式不正确').min(1, '附件内容为空').max(MAX_FILE_BYTES, '附件不能超过10MB'),
    type: z.enum(TYPES, { errorMap: () => ({ message: '附件只能是 JPG、PNG、WEBP、GIF 图片或 PDF、Word、Excel 文件' }) }),
  })
  .superRefine((a, c) => {
    const ext = /\.(\w{1,8})$/.exec(a.fileID)?.[1] ?? '';
    if (typeOfExtension(ext) !== a.type) {
      c.addIssue({ code: 'custom', path: ['type'], message: '附件类型与文件不符，请重新上传' });
    }
    if (ATTACHMENT_KINDS[a.type].image && a.size > MAX_IMAGE_BYTES) c.addIssue({ code: 'custom', path: ['size'], message: '图片不能超过5MB' });
  })
  .transform((a) => ({ ...a, name: cleanFileName(a.name) }));

/** the optional attachments of an action: at most MAX_ATTACHMENTS, no fileID twice */
export const zAttachments = z
  .array(zOneAttachment, { invalid_type_error: '附件格式不正确' })
  .max(MAX_ATTACHMENTS, `最多添加${MAX_ATTACHMENTS}个附件`)
  .refine((list) => new Set(list.map((a) => a.fileID)).size === list.length, '同一附件不能重复添加')
  .optional()
  .default([]);

export type Attachment = { fileID: string; name: string; size: number; type: AttachmentType };
