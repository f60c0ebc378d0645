import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { ROUTES } from '../shared/routes';
import { forgetSession } from '../services/profile';
import { getSignInKind, signOut } from '../services/session';
import { forgetNotifySettings } from '../services/subscribe';
import './AccountLinks.css';

/**
 * The browser's account links (home and 我的): 修改密码 and 退出登录 after a password sign-in, 切换用户
 * in the local demo. WeChat has nothing to sign out of: nothing is shown there.
 */
export default function AccountLinks() {
  if (process.env.TARO_ENV !== 'h5') return null;
  const withPassword = getSignInKind() === 'password';
  return (
    <View className='account-links'>
      {withPassword && (
        <>
          <Text className='account-links__link' onClick={() => Taro.navigateTo({ url: `${ROUTES.login}?tab=password` })}>修改密码</Text>
          <Text className='account-links__sep'>·</Text>
        </>
      )}
      <Text
        className='account-links__link'
        onClick={async () => {
          await signOut();
          forgetSession();
          forgetNotifySettings();
          Taro.reLaunch({ url: ROUTES.login });
        }}
      >
        {withPassword ? '退出登录' : '切换用户（本地演示）'}
      </Text>
    </View>
  );
}
