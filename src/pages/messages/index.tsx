import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Message } from '../../shared/api-types';
import type { Answer } from '../../../core/contract/answers';
import { formatTime } from '../../shared/format';
import { detailUrlFor } from '../../shared/routes';
import { useListPageEvents, usePagedList } from '../../shared/use-paged-list';
import { callService, toastError } from '../../services/call';
import { currentMe } from '../../services/profile';
import { ListFooter, ListState } from '../../components/StateView';
import './index.css';

/** a page of the message center, as messages.list answers it */
type MessagePage = Answer<'messages.list'>;

/** how a message reached its person outside the app (Message.delivery); nothing for messages older than that record */
function deliveryTags(m: Message): Array<{ text: string; tone: string }> {
  const d = m.delivery;
  if (!d) return [];
  const tags: Array<{ text: string; tone: string }> = [];
  if (d.wechat) tags.push({ text: '微信提醒', tone: 'wechat' });
  if (d.sms) tags.push({ text: '短信', tone: 'sms' });
  if (tags.length === 0) tags.push(d.done ? { text: '仅站内', tone: 'inapp' } : { text: '提醒中', tone: 'pending' });
  return tags;
}

export default function MessagesPage() {
  const list = usePagedList<Message, MessagePage>((page) => callService('messages.list', { page }));
  const [unread, setUnread] = useState<number | null>(null);
  const shownUnread = unread ?? list.last?.unread ?? 0;

  const reload = () => {
    setUnread(null);
    return list.reload();
  };
  useListPageEvents({ reload, loadMore: list.loadMore });

  const markRead = (ids: string[] | 'all', left: number) => {
    list.setItems((items) => items.map((m) => (ids === 'all' || ids.includes(m._id) ? { ...m, read: true } : m)));
    setUnread(left);
  };

  const open = async (m: Message) => {
    if (!m.read) {
      try {
        const res = await callService('messages.read', { id: m._id });
        markRead([m._id], res.unread);
      } catch (e) {
        toastError(e);
      }
    }
    if (m.page) {
      // about something other than a request (an official visit, a planned inspection)
      Taro.navigateTo({ url: `/${m.page.replace(/^\/+/, '')}` });
    } else if (m.requestId) {
      const me = await currentMe().catch(() => null);
      Taro.navigateTo({ url: detailUrlFor(me, m.requestId) });
    }
  };

  const readAll = async () => {
    try {
      const res = await callService('messages.read', { all: true });
      markRead('all', res.unread);
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <View className='page'>
      {list.loaded && list.items.length > 0 && (
        <View className='messages__bar'>
          <Text>{shownUnread > 0 ? `${shownUnread} 条未读` : '全部已读'}</Text>
          {shownUnread > 0 && (
            <Text className='link' onClick={readAll}>
              全部标为已读
            </Text>
          )}
        </View>
      )}
      <ListState list={list} empty='暂无消息' onRetry={reload} />
      {list.items.map((m) => (
        <View className={`card message${m.read ? '' : ' message--unread'}`} key={m._id} onClick={() => open(m)}>
          <View className='message__head'>
            {!m.read && <View className='message__dot' />}
            <Text className='message__title'>{m.title}</Text>
            <Text className='message__time'>{formatTime(m.createdAt)}</Text>
          </View>
          {m.body && <View className='message__body'>{m.body}</View>}
          <View className='message__foot'>
            {deliveryTags(m).map((t) => (
              <Text className={`message__via message__via--${t.tone}`} key={t.text}>
                {t.text}
              </Text>
            ))}
            {(m.requestId || m.page) && <Text className='message__more'>查看详情 ›</Text>}
          </View>
        </View>
      ))}
      <ListFooter loading={list.loading} hasMore={list.hasMore} count={list.items.length} />
    </View>
  );
}
