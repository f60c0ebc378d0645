import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

type Props = { page: number; pageSize: number; total: number; loading?: boolean; onPage: (page: number) => void };

/** 上一页 / 下一页 for the console's tables. */
export default function Pager({ page, pageSize, total, loading, onPage }: Props) {
  if (total <= 0) return null;
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  return (
    <View className='pager'>
      <Button disabled={page <= 1 || loading} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Text className='pager__text'>
        第 {page}/{pages} 页 · 共 {total} 条
      </Text>
      <Button disabled={page >= pages || loading} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  );
}
