import { Text } from '@tarojs/components';
import './CountBadge.css';

/** A red count beside an entry; more than 99 shows as 99+. */
export default function CountBadge({ count }: { count: number }) {
  return <Text className='count-badge'>{count > 99 ? '99+' : count}</Text>;
}
