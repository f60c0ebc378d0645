import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View, Image } from '@tarojs/components';

type Props = {
  /** display URLs (already resolved with photoUrl or local temp paths) */
  urls: string[];
  onDelete?: (index: number) => void;
  /** extra tiles after the photos (the uploader's add button) */
  children?: ReactNode;
};

/** Square thumbnails; tap to preview full size, optional delete corner. */
export default function PhotoGrid({ urls, onDelete, children }: Props) {
  if (urls.length === 0 && !children) return null;
  const preview = (current: string) => {
    Taro.previewImage({ current, urls }).catch(() => undefined);
  };
  return (
    <View className='photo-grid'>
      {urls.map((url, i) => (
        <View className='photo-grid__item' key={url}>
          <Image className='photo-grid__img' src={url} mode='aspectFill' onClick={() => preview(url)} />
          {onDelete && (
            <View
              className='photo-grid__delete'
              onClick={(e) => {
                e.stopPropagation();
                onDelete(i);
              }}
            >
              ×
            </View>
          )}
        </View>
      ))}
      {children}
    </View>
  );
}
