import { Text } from '@tarojs/components';
import type { RequestStatus } from '../shared/api-types';

/** A coloured pill for a request status; colours live in app.css (.status-*). */
export default function StatusTag({ status, label }: { status: RequestStatus; label: string }) {
  return <Text className={`status-tag status-${status}`}>{label}</Text>;
}
