import { Text } from '@tarojs/components';
import { formatTime } from '../shared/format';

/**
 * An instant in Beijing time ('YYYY-MM-DD HH:mm', or another dayjs template) that stays on one line:
 * in a narrow card, or a value that may break anywhere, a time never reads "17:3 / 0". Nothing for a
 * missing instant. A plain date text ('YYYY-MM-DD') keeps together in a <Text className='when'> too.
 */
export default function When({ at, template }: { at: string | number | Date | null | undefined; template?: string }) {
  const text = formatTime(at, template);
  return text ? <Text className='when'>{text}</Text> : null;
}
