import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { EmptyState, ErrorState, Loading } from '../../components/StateView';

/** The growing search box of an admin list's toolbar: typing edits `q`, Enter or 搜索 runs `search`. */
export function AdminSearch({ placeholder, q, setQ, search }: { placeholder: string; q: string; setQ: (v: string) => void; search: () => void }) {
  return (
    <View className='admin-toolbar__item admin-toolbar__grow admin-search'>
      <Input className='form-input' placeholder={placeholder} value={q} onChange={setQ} onConfirm={search} />
      <Button onClick={search}>
        搜索
      </Button>
    </View>
  );
}

/** What an admin list shows instead of (or above) its table: the first load's error or spinner, a reload's error, nothing found. */
export function AdminListState({ data, error, load, empty, emptyText }: { data: unknown; error: string; load: () => void; empty: boolean; emptyText: string }) {
  const has = !!data;
  return (
    <>
      {!has && error && <ErrorState message={error} onRetry={load} />}
      {!has && !error && <Loading />}
      {has && error && <View className='admin-error'>{error}</View>}
      {has && empty && <EmptyState text={emptyText} />}
    </>
  );
}

/** The header row of an admin table: one cell per column title. */
export function AdminTableHead({ cells }: { cells: string[] }) {
  return (
    <View className='row-card row-table__head admin-row'>
      {cells.map((c) => (
        <Text key={c} className='admin-cell'>
          {c}
        </Text>
      ))}
    </View>
  );
}

/** A cell of an admin row: on a phone a line led by its label, in the table a column (its head says what). */
export function AdminCell({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <Text className={`admin-cell admin-cell--line${className ? ` ${className}` : ''}`}>
      <Text className='admin-cell__label'>{label} </Text>
      {children}
    </Text>
  );
}
