import Taro from '@tarojs/taro';
import { ApiError, serverEnvelope, unwrap } from './call';
import { getDevToken } from './session';
import { currentMe } from './profile';
import { ATTACHMENT_KINDS, cleanFileName, isImageType, typeOfExtension, type AttachmentType } from '../../core/contract/attachments';
import { MAX_FILE_BYTES, MAX_IMAGE_BYTES } from '../../core/contract/limits';

function extensionOf(path: string): string {
  const match = /\.(jpe?g|png|gif|webp|heic)(?:\?|$)/i.exec(path);
  return match ? `.${match[1].toLowerCase()}` : '.jpg';
}

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** WeChat: put a temp file into the caller's own folder (the only one a request may reference its files from, core/files/own-files.ts) */
async function toCloud(filePath: string, ext: string, what: string): Promise<string> {
  try {
    const { user } = await currentMe();
    const res = await Taro.cloud.uploadFile({ cloudPath: `${user.uploadDir}/${randomName()}${ext}`, filePath });
    return res.fileID;
  } catch {
    throw new ApiError('UPLOAD_FAILED', `${what}上传失败，请重试`);
  }
}

/** H5: post the bytes (a Blob, or a blob: URL to read them from) to the local server; its answer's data */
async function toServer<T>(source: Blob | string, headers: (blob: Blob) => Record<string, string>, what: string): Promise<T> {
  const send = async () => {
    const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source;
    return fetch('/upload', { method: 'POST', headers: { ...headers(blob), authorization: `Bearer ${getDevToken()}` }, body: blob });
  };
  return unwrap<T>(await serverEnvelope<T>(send, 'UPLOAD_FAILED', `${what}上传失败，请重试`, `${what}上传失败`));
}

/** Upload one chosen photo; resolves to its fileID (cloud://… in WeChat, local://uploads/… in H5). */
export async function uploadPhoto(tempFilePath: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') return toCloud(tempFilePath, extensionOf(tempFilePath), '图片');
  const data = await toServer<{ fileID: string; url: string }>(tempFilePath, (blob) => ({ 'content-type': blob.type || 'application/octet-stream' }), '图片');
  return data.fileID;
}

/**
 * Upload one chosen file (an .xlsx for the enterprise import); resolves to its fileID.
 * WeChat: a temp file path from chooseMessageFile. Browser: the File/Blob itself (or a blob: URL).
 */
export async function uploadFile(blobOrPath: Blob | string, contentType: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const path = String(blobOrPath);
    const ext = /\.(\w{1,8})$/.exec(path)?.[1] ?? 'bin';
    return toCloud(path, `.${ext.toLowerCase()}`, '文件');
  }
  const data = await toServer<{ fileID: string }>(blobOrPath, () => ({ 'content-type': contentType }), '文件');
  return data.fileID;
}

/** A src an <Image> can show: cloud:// ids as they are, local://uploads/x as /files/x. */
export function photoUrl(fileID: string): string {
  const local = 'local://uploads/';
  return fileID.startsWith(local) ? `/files/${fileID.slice(local.length)}` : fileID;
}

/** an attachment as an action sends it (core/contract/attachments.ts) */
export type AttachmentFile = { fileID: string; name: string; size: number; type: AttachmentType };

/**
 * Upload one attachment (a photo or a pdf/Word/Excel file) and describe it. WeChat: a temp path
 * (chooseImage / chooseMessageFile) uploaded into the caller's own folder; its name, size and type
 * are the picker's (the server checks the type against the extension). Browser: the File itself,
 * sniffed by the server, which answers what it is, its size and its cleaned name.
 */
export async function uploadAttachment(source: Blob | string, name: string, size: number): Promise<AttachmentFile> {
  const ext = /\.(\w{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = typeOfExtension(ext);
  // the server's limits, said before the bytes travel
  const image = type ? isImageType(type) : false;
  if (size > (image ? MAX_IMAGE_BYTES : MAX_FILE_BYTES)) throw new ApiError('TOO_LARGE', `${name}：${image ? '图片不能超过5MB' : '文件不能超过10MB'}`);
  if (process.env.TARO_ENV === 'weapp') {
    if (!type) throw new ApiError('UNSUPPORTED_FILE', `${name}：只能上传图片或 PDF、Word、Excel 文件`);
    const fileID = await toCloud(String(source), `.${ATTACHMENT_KINDS[type].exts[0]}`, `${name} `);
    return { fileID, name: cleanFileName(name), size, type };
  }
  const headers = (blob: Blob) => ({ 'content-type': blob.type || type || 'application/octet-stream', 'x-file-name': encodeURIComponent(name) });
  const data = await toServer<{ fileID: string; name: string; size: number; type: AttachmentType }>(source, headers, `${name} `);
  return { fileID: data.fileID, name: data.name, size: data.size, type: data.type };
}
