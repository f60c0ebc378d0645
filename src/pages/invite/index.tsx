import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROUTES } from '../../shared/routes';
import { roleLabel } from '../../shared/labels';
import { ApiError, toastError } from '../../services/call';
import { isInviteCode, normalizeInviteCode, redeemInvite } from '../../services/invite';
import Field from '../../components/Field';
import InviteCodeInput from '../../components/InviteCodeInput';
import SubmitButton from '../../components/SubmitButton';
import './index.css';

export default function InvitePage() {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const c = normalizeInviteCode(code);
    if (!isInviteCode(c)) {
      setError('请输入管理员提供的 8 位邀请码');
      return;
    }
    setBusy(true);
    try {
      const { user } = await redeemInvite(c);
      Taro.showToast({ title: `欢迎，${user.name}（${user.roles.map(roleLabel).join('、')}）`, icon: 'none', duration: 2000 });
      setTimeout(() => Taro.reLaunch({ url: ROUTES.home }), 1200);
    } catch (e) {
      if (e instanceof ApiError) setError(e.message);
      toastError(e);
      setBusy(false);
    }
  };

  return (
    <View className='page'>
      <View className='intro'>工作人员请输入管理员提供的邀请码。邀请码只能使用一次，使用后本微信即成为您的登录身份。</View>
      <View className='card'>
        <Field label='邀请码' required error={error}>
          <InviteCodeInput
            className='invite-input'
            value={code}
            onChange={(c) => {
              setCode(c);
              setError('');
            }}
          />
        </Field>
      </View>
      <SubmitButton busy={busy} onClick={submit}>确认</SubmitButton>
    </View>
  );
}
