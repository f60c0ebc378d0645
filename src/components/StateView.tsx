import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';

/** Loading / error / empty placeholder shared by every page. */
export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='state'>
      <View className='state__spinner' />
      <Text className='state__text'>{text}</Text>
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='state state--error'>
      <Text className='state__text'>{message}</Text>
      {onRetry && (
        <Button size='small' type='primary' fill='outline' onClick={onRetry}>
          重新加载
        </Button>
      )}
    </View>
  );
}

export function EmptyState({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className='state state--empty'>
      <View className='state__icon'>○</View>
      <Text className='state__text'>{text}</Text>
      {children}
    </View>
  );
}

/**
 * A page's one query (useQuery): before its first answer, the error with 重新加载 or the loading
 * spinner; after it, a refresh's error on the page's own error line (errorClass; none without it)
 * above what is still shown.
 */
export function QueryState({ loaded, error, onRetry, errorClass, loadingText }: { loaded: boolean; error: string; onRetry: () => void; errorClass?: string; loadingText?: string }) {
  if (!loaded) return error ? <ErrorState message={error} onRetry={onRetry} /> : <Loading text={loadingText} />;
  return error && errorClass ? <View className={errorClass}>{error}</View> : null;
}

/** Footer of a paged list. */
export function ListFooter({ loading, hasMore, count }: { loading: boolean; hasMore: boolean; count: number }) {
  if (count === 0) return null;
  return <View className='list-footer'>{loading ? '加载中…' : hasMore ? '上拉加载更多' : '没有更多了'}</View>;
}

type ListLike = { error: string; items: unknown[]; loaded: boolean; reload: () => unknown };

/**
 * A paged list's placeholder (usePagedList): the error while nothing is shown, loading before the
 * first answer, or the empty text (with `children` under it) once an answer is empty.
 */
export function ListState({ list, empty, onRetry, children }: { list: ListLike; empty: string; onRetry?: () => void; children?: ReactNode }) {
  if (list.error && list.items.length === 0) return <ErrorState message={list.error} onRetry={onRetry ?? (() => list.reload())} />;
  if (!list.loaded && !list.error) return <Loading />;
  if (list.loaded && !list.error && list.items.length === 0) return <EmptyState text={empty}>{children}</EmptyState>;
  return null;
}
