import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

type Props = {
  title: string;
  /** a class for tests and styling, e.g. 'modal--retire' */
  name?: string;
  busy?: boolean;
  okText?: string;
  danger?: boolean;
  /** no 确定 button (a notice with only 关闭) */
  noOk?: boolean;
  cancelText?: string;
  hint?: ReactNode;
  onOk?: () => void;
  onClose: () => void;
  children?: ReactNode;
};

/** A centred dialog over a dimmed page (a sheet from the bottom on a phone). */
export default function Modal({ title, name, busy, okText = '确定', danger, noOk, cancelText = '取消', hint, onOk, onClose, children }: Props) {
  return (
    <View className={`modal${name ? ` ${name}` : ''}`}>
      <View className='modal__mask' onClick={() => !busy && onClose()} />
      <View className='modal__box'>
        <View className='modal__title'>{title}</View>
        <View className='modal__body'>
          {hint && <View className='modal__hint'>{hint}</View>}
          {children}
        </View>
        <View className='modal__buttons'>
          <Button fill='outline' disabled={busy} onClick={onClose}>
            {noOk ? '关闭' : cancelText}
          </Button>
          {!noOk && (
            <Button type={danger ? 'danger' : 'primary'} loading={busy} onClick={onOk}>
              {okText}
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}
