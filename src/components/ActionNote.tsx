import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import SubmitButton from './SubmitButton';

type Props = {
  /** the block's class: 'action-block' inside a card, or a card of its own ('card action-card') */
  className?: string;
  id?: string;
  title?: string;
  titleClassName?: string;
  /** a line of explanation above the text box */
  hint?: ReactNode;
  note?: { placeholder: string; value: string; onChange: (value: string) => void; maxLength: number; rows: number; className?: string };
  /** the note's error, under it */
  error?: string;
  label: string;
  type?: 'primary' | 'danger' | 'warning';
  fill?: 'outline';
  loading?: boolean;
  disabled?: boolean;
  onClick: () => void;
  /** what goes between the note and the button (an uploader) */
  children?: ReactNode;
};

/**
 * One action of a detail page (签收, 添加进展, 办结, 退回…): a title and a hint, a text box with its
 * error, anything the action adds (an uploader), and the full-width button that sends it.
 */
export default function ActionNote({ className = 'action-block', id, title, titleClassName = 'action-block__title', hint, note, error, label, type = 'primary', fill, loading = false, disabled, onClick, children }: Props) {
  return (
    <View className={className} id={id}>
      {title && <View className={titleClassName}>{title}</View>}
      {hint && <View className='muted small'>{hint}</View>}
      {note && <TextArea className={note.className ?? 'form-textarea'} placeholder={note.placeholder} value={note.value} maxLength={note.maxLength} rows={note.rows} onChange={note.onChange} />}
      {error && <View className='field__error'>{error}</View>}
      {children}
      <SubmitButton type={type} fill={fill} disabled={disabled} busy={loading} onClick={onClick}>
        {label}
      </SubmitButton>
    </View>
  );
}
