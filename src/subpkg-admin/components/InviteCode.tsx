import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatTime } from '../../shared/format';
import type { Invite } from '../types';
import Modal from './Modal';

/** The one-time code, big, with a copy button and how to use it. */
export default function InviteCodeDialog({ name, invite, onClose }: { name: string; invite: Invite; onClose: () => void }) {
  const copy = () => {
    Taro.setClipboardData({ data: invite.code })
      .then(() => Taro.showToast({ title: '已复制邀请码', icon: 'none' }))
      .catch(() => Taro.showToast({ title: '复制失败，请手动抄写', icon: 'none' }));
  };
  return (
    <Modal title={`${name} 的邀请码`} name='modal--invite' noOk onClose={onClose}>
      <View className='invite-code'>
        <Text className='invite-code__value' userSelect>
          {invite.code}
        </Text>
        <Button type='primary' onClick={copy}>
          复制邀请码
        </Button>
      </View>
      <View className='invite-code__how'>请在小程序首页点击「使用邀请码」并输入</View>
      {process.env.TARO_ENV === 'h5' && <View className='invite-code__local'>本地演示：登录页 → 使用邀请码</View>}
      <View className='invite-code__meta'>
        邀请码仅可使用一次，{formatTime(invite.expiresAt)} 前有效。首次使用时绑定该人员的微信身份。
      </View>
    </Modal>
  );
}
