import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Meta, Page, RequestSummary } from '../../shared/api-types';
import { ROUTES } from '../../shared/routes';
import { useListPageEvents, usePagedList } from '../../shared/use-paged-list';
import { callService } from '../../services/call';
import { loadMeta } from '../../services/profile';
import RequestCard from '../../components/RequestCard';
import { ListFooter, ListState } from '../../components/StateView';

export default function MyRequestsPage() {
  const [meta, setMeta] = useState<Meta | null>(null);
  const list = usePagedList<RequestSummary, Page<RequestSummary>>((page) =>
    callService('request.mine', { page, pageSize: 10 }),
  );

  useEffect(() => {
    loadMeta().then(setMeta).catch(() => undefined); // names fall back to codes
  }, []);
  useListPageEvents(list);

  return (
    <View className='page'>
      <ListState list={list} empty='还没有反映过问题'>
        <Button type='primary' size='small' onClick={() => Taro.redirectTo({ url: ROUTES.submit })}>
          提交诉求
        </Button>
      </ListState>
      {list.items.length > 0 && <View className='list-total'>共 {list.total} 件</View>}
      {list.items.map((r) => (
        <RequestCard
          key={r._id}
          request={r}
          meta={meta}
          viewer='enterprise'
          onClick={() => Taro.navigateTo({ url: ROUTES.enterpriseDetail(r._id) })}
        />
      ))}
      <ListFooter loading={list.loading} hasMore={list.hasMore} count={list.items.length} />
    </View>
  );
}
