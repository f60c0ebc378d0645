import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { toastError } from '../services/call';
import { uploadPhoto } from '../services/upload';
import PhotoGrid from '../components/PhotoGrid';
import { MAX_PHOTOS } from '../../core/contract/limits';
import './photos.css';

/** A chosen photo: shown from its local path, sent as the fileID once uploaded. */
type Photo = { local: string; fileID: string };

/**
 * The photos an enterprise adds to a form (a new request, a supplement): picked from the album or
 * the camera, uploaded one by one, at most MAX_PHOTOS.
 */
export function usePhotoUploads() {
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(0);

  const choose = async () => {
    const left = MAX_PHOTOS - photos.length - uploading;
    if (left <= 0) return;
    let paths: string[];
    try {
      const res = await Taro.chooseImage({ count: left, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      paths = res.tempFilePaths.slice(0, left);
    } catch {
      return; // cancelled
    }
    setUploading((n) => n + paths.length);
    for (const local of paths) {
      try {
        const fileID = await uploadPhoto(local);
        setPhotos((prev) => (prev.length < MAX_PHOTOS ? [...prev, { local, fileID }] : prev));
      } catch (e) {
        toastError(e);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  /** false, with a toast, while a photo is still uploading: the form waits for it */
  const settled = () => {
    if (uploading === 0) return true;
    Taro.showToast({ title: '图片上传中，请稍候', icon: 'none' });
    return false;
  };

  return {
    photos,
    uploading,
    fileIDs: photos.map((p) => p.fileID),
    choose,
    settled,
    remove: (i: number) => setPhotos((prev) => prev.filter((_, j) => j !== i)),
    clear: () => setPhotos([]),
  };
}

/** The chosen photos, a tile while uploading, and the 添加照片 tile while there is room. */
export function PhotoUploader({ uploads }: { uploads: ReturnType<typeof usePhotoUploads> }) {
  const { photos, uploading, choose, remove } = uploads;
  return (
    <PhotoGrid urls={photos.map((p) => p.local)} onDelete={remove}>
      {uploading > 0 && <View className='uploader__tile'>上传中…</View>}
      {MAX_PHOTOS - photos.length - uploading > 0 && (
        <View className='uploader__tile uploader__add' onClick={choose}>
          <Text className='uploader__plus'>＋</Text>
          <Text>添加照片</Text>
        </View>
      )}
    </PhotoGrid>
  );
}
