import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { toastError } from '../services/call';
import { photoUrl, uploadAttachment, type AttachmentFile } from '../services/upload';
import { ATTACHMENT_KINDS, FILE_EXTENSIONS, formatSize, isImageType, type AttachmentType } from '../../core/contract/attachments';
import { MAX_ATTACHMENTS } from '../../core/contract/limits';
import PhotoGrid from './PhotoGrid';
import './Attachments.css';

const label = (type: string) => ATTACHMENT_KINDS[type as AttachmentType]?.label ?? '文件';
const kindClass = (type: string) => {
  const l = label(type);
  return l === 'PDF' ? 'pdf' : l.startsWith('DOC') ? 'word' : l.startsWith('XLS') ? 'excel' : 'other';
};

/** Opens a file: a download in the browser (served with its name), the document viewer in WeChat. */
async function openFile(a: AttachmentFile) {
  if (process.env.TARO_ENV === 'h5') {
    // an <a download> is not caught by popup blockers, unlike window.open
    const link = document.createElement('a');
    link.href = photoUrl(a.fileID);
    link.download = a.name;
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    return;
  }
  try {
    Taro.showLoading({ title: '正在打开' });
    const res = await Taro.cloud.downloadFile({ fileID: a.fileID });
    const fileType = ATTACHMENT_KINDS[a.type]?.exts[0] as 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx';
    await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true });
  } catch {
    Taro.showToast({ title: '无法打开文件，请稍后重试', icon: 'none' });
  } finally {
    Taro.hideLoading();
  }
}

/** A file as a chip: its type, name and size; tap to open. `onDelete` adds the remove corner (forms). */
function FileChip({ file, onDelete }: { file: AttachmentFile; onDelete?: () => void }) {
  return (
    <View className='attachment-chip' onClick={() => openFile(file)}>
      <Text className={`attachment-chip__type attachment-chip__type--${kindClass(file.type)}`}>{label(file.type)}</Text>
      <View className='attachment-chip__body'>
        <Text className='attachment-chip__name'>{file.name}</Text>
        <Text className='attachment-chip__size'>{formatSize(file.size)}</Text>
      </View>
      {onDelete && (
        <Text
          className='attachment-chip__delete'
          onClick={(e) => {
            e.stopPropagation();
            onDelete();
          }}
        >
          ×
        </Text>
      )}
    </View>
  );
}

/** The attachments of a timeline entry or a card reply: photos as thumbnails, files as named chips. */
export default function AttachmentList({ items, onDelete }: { items?: AttachmentFile[] | null; onDelete?: (fileID: string) => void }) {
  if (!items?.length) return null;
  const images = items.filter((a) => isImageType(a.type));
  const files = items.filter((a) => !isImageType(a.type));
  return (
    <View className='attachments'>
      {images.length > 0 && (
        <PhotoGrid urls={images.map((a) => photoUrl(a.fileID))} onDelete={onDelete ? (i) => onDelete(images[i].fileID) : undefined} />
      )}
      {files.map((f) => (
        <FileChip key={f.fileID} file={f} onDelete={onDelete ? () => onDelete(f.fileID) : undefined} />
      ))}
    </View>
  );
}

type Chosen = { source: Blob | string; name: string; size: number };

/** the browser's file dialog: photos or files, several at once; [] when cancelled */
function pickInBrowser(accept: string, max: number): Promise<Chosen[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = max > 1;
    input.style.display = 'none';
    input.className = 'attachment-file-input';
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, max);
      input.remove();
      resolve(files.map((f) => ({ source: f, name: f.name, size: f.size })));
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    document.body.appendChild(input);
    input.click();
  });
}

const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';
const FILE_ACCEPT = FILE_EXTENSIONS.map((e) => `.${e}`).join(',');

/** photos: the album or camera in WeChat (named 照片N), the file dialog in the browser */
async function choosePhotos(max: number, from: number): Promise<Chosen[]> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(IMAGE_ACCEPT, max);
  const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => null);
  if (!res) return [];
  return res.tempFiles.slice(0, max).map((f, i) => {
    const ext = /\.(jpe?g|png|webp|gif)$/i.exec(f.path)?.[1]?.toLowerCase() ?? 'jpg';
    return { source: f.path, name: `照片${from + i + 1}.${ext === 'jpeg' ? 'jpg' : ext}`, size: f.size };
  });
}

/** files (pdf, Word, Excel): a chat's files in WeChat (chooseMessageFile), the file dialog in the browser */
async function chooseFiles(max: number): Promise<Chosen[]> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(FILE_ACCEPT, max);
  const res = await Taro.chooseMessageFile({ count: max, type: 'file', extension: [...FILE_EXTENSIONS] }).catch(() => null);
  return (res?.tempFiles ?? []).slice(0, max).map((f) => ({ source: f.path, name: f.name, size: f.size }));
}

/**
 * The attachments a form adds (进展, 办结, 补充材料, a card's reply): photos and files, uploaded one by
 * one as they are chosen, at most `max`.
 */
export function useAttachmentUploads(max = MAX_ATTACHMENTS) {
  const [items, setItems] = useState<AttachmentFile[]>([]);
  const [uploading, setUploading] = useState(0);
  const left = max - items.length - uploading;

  const upload = async (chosen: Chosen[]) => {
    const take = chosen.slice(0, Math.max(0, left));
    if (chosen.length > take.length) Taro.showToast({ title: `最多添加${max}个附件`, icon: 'none' });
    setUploading((n) => n + take.length);
    for (const c of take) {
      try {
        const file = await uploadAttachment(c.source, c.name, c.size);
        setItems((prev) => (prev.length < max && !prev.some((p) => p.fileID === file.fileID) ? [...prev, file] : prev));
      } catch (e) {
        toastError(e);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  return {
    items,
    uploading,
    left,
    addPhotos: async () => { if (left > 0) await upload(await choosePhotos(left, items.filter((a) => isImageType(a.type)).length)); },
    addFiles: async () => { if (left > 0) await upload(await chooseFiles(left)); },
    /** false, with a toast, while something is still uploading: the form waits for it */
    settled: () => {
      if (uploading === 0) return true;
      Taro.showToast({ title: '附件上传中，请稍候', icon: 'none' });
      return false;
    },
    remove: (fileID: string) => setItems((prev) => prev.filter((a) => a.fileID !== fileID)),
    clear: () => setItems([]),
  };
}

/** The form's attachments: what was added (removable), and 添加照片 / 添加文件 while there is room. */
export function AttachmentUploader({ uploads, label = '附件' }: { uploads: ReturnType<typeof useAttachmentUploads>; label?: string }) {
  const { items, uploading, left, addPhotos, addFiles, remove } = uploads;
  return (
    <View className='attachment-uploader'>
      <View className='attachment-uploader__label'>
        {label}（选填，最多 {MAX_ATTACHMENTS} 个）
      </View>
      <AttachmentList items={items} onDelete={remove} />
      {uploading > 0 && <View className='attachment-uploader__busy'>上传中…</View>}
      {left > 0 && (
        <View className='attachment-uploader__add'>
          <View className='attachment-uploader__button attachment-uploader__photo' onClick={addPhotos}>＋ 添加照片</View>
          <View className='attachment-uploader__button attachment-uploader__file' onClick={addFiles}>＋ 添加文件</View>
        </View>
      )}
      {left > 0 && <View className='attachment-uploader__hint'>文件可为 PDF、Word、Excel，不超过10MB；照片不超过5MB</View>}
    </View>
  );
}
