import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Me, NotifySettings } from '../../shared/api-types';
import RoleTags from '../../components/RoleTags';
import { ROUTES } from '../../shared/routes';
import { NOTIFY_ROUTES } from '../../shared/notify-routes';
import { errorText } from '../../services/call';
import { loadMe } from '../../services/profile';
import { cachedNotifySettings, loadNotifySettings, onNotifySettings } from '../../services/subscribe';
import AccountLinks from '../../components/AccountLinks';
import { ErrorState, Loading } from '../../components/StateView';
import CountBadge from '../../components/CountBadge';
import '../me.css';

/** the one line under 提醒设置: the state of the template that matters most to this user */
function reminderHint(s: NotifySettings | null): string {
  if (!s) return '微信提醒、短信提醒';
  const relevant = s.templates.filter((t) => t.relevant);
  const main = relevant.find((t) => t.key === 'newAssignment') ?? relevant[0];
  return main ? main.label : '微信提醒、短信提醒';
}

/** one line of a list of 我的: what it opens, a hint under it, an unread count beside it */
function MeItem({ title, hint, badge = 0, onClick }: { title: string; hint?: string; badge?: number; onClick: () => void }) {
  return (
    <View className='me-item' onClick={onClick}>
      <View className='me-item__body'>
        <Text className='me-item__title'>{title}</Text>
        {hint && <Text className='me-item__hint'>{hint}</Text>}
      </View>
      {badge > 0 && <CountBadge count={badge} />}
      <Text className='me-item__arrow'>›</Text>
    </View>
  );
}

export default function MePage() {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState('');
  const [settings, setSettings] = useState<NotifySettings | null>(cachedNotifySettings());

  const refresh = () => {
    loadMe()
      .then((m) => {
        setMe(m);
        setError('');
      })
      .catch((e) => setError(errorText(e)));
    loadNotifySettings().then(setSettings).catch(() => undefined);
  };
  useDidShow(refresh);
  useEffect(() => onNotifySettings(setSettings), []);

  if (!me) {
    return <View className='page'>{error ? <ErrorState message={error} onRetry={refresh} /> : <Loading />}</View>;
  }
  const { user, unread } = me;
  const go = (url: string) => () => Taro.navigateTo({ url });

  return (
    <View className='page me'>
      <View className='card me-profile'>
        <View className='me-profile__avatar'>{user.name.slice(0, 1)}</View>
        <View className='me-profile__body'>
          <Text className='me-profile__name'>{user.name}</Text>
          <RoleTags roles={user.roles} block='me-profile' />
          {user.enterprise && <Text className='me-profile__enterprise'>{user.enterprise.name}</Text>}
        </View>
      </View>

      <View className='me-list'>
        <MeItem title='提醒设置' hint={reminderHint(settings)} onClick={go(NOTIFY_ROUTES.settings)} />
        <MeItem title='消息中心' hint='办理进度与工作提醒，未能送达微信的提醒也在这里' badge={unread} onClick={go(ROUTES.messages)} />
        {user.enterprise && <MeItem title='我的企业' hint={`${user.enterprise.name} · 联系人与绑定审核`} onClick={go(ROUTES.approvals)} />}
      </View>

      <View className='me-list'>
        <MeItem title='隐私政策' onClick={go(NOTIFY_ROUTES.legal('privacy'))} />
        <MeItem title='用户协议' onClick={go(NOTIFY_ROUTES.legal('terms'))} />
      </View>

      <AccountLinks />
    </View>
  );
}
