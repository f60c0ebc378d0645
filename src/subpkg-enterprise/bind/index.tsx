import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ROUTES } from '../../shared/routes';
import { NOTIFY_ROUTES } from '../../shared/notify-routes';
import { callService } from '../../services/call';
import { currentMe, forgetSession } from '../../services/profile';
import type { BindingRequest } from '../../shared/api-types';
import Field from '../../components/Field';
import PhoneInput from '../../components/PhoneInput';
import SubmitButton from '../../components/SubmitButton';
import { LEAVING, useForm } from '../../shared/use-form';
import { BindInput, normalizeCreditCode as normalize } from '../../../core/contract/account';
import { problemsOf } from '../../../core/contract/schema';
import './index.css';

// GB 32100-2015: 18 characters from digits and capital letters except I, O, S, V, Z (the server checks the check character)
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export default function BindPage() {
  const [name, setName] = useState('');
  const [creditCode, setCreditCode] = useState('');
  // who is asking: the enterprise's first contact or the grid officer decides, and must know
  const [applicantName, setApplicantName] = useState('');
  const [phone, setPhone] = useState('');
  const { errors, edit, check, busy, run } = useForm();
  /** a request waiting for the first contact or the grid officer */
  const [pending, setPending] = useState<BindingRequest | null>(null);

  useEffect(() => {
    currentMe()
      .then((m) => setPending(m.binding?.status === 'pending' ? m.binding : null))
      .catch(() => undefined);
  }, []);

  const validate = () => {
    // the server's own schema (core/contract/account.ts); blank optional fields are not sent
    const e = problemsOf(BindInput, { name, creditCode, applicantName: applicantName.trim() || undefined, phone: phone.trim() || undefined });
    const code = normalize(creditCode);
    if (!code) e.creditCode = '请填写统一社会信用代码';
    else if (!e.creditCode && !CREDIT_CODE.test(code)) e.creditCode = '统一社会信用代码应为 18 位数字或大写字母';
    return check(e);
  };

  const submit = () => {
    if (busy || !validate()) return;
    run(async () => {
      const res = await callService('enterprise.bind', {
        name: name.trim(),
        creditCode: normalize(creditCode),
        ...(applicantName.trim() ? { applicantName: applicantName.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      });
      forgetSession();
      if (res.binding?.status === 'pending') {
        setPending(res.binding);
        return;
      }
      Taro.showToast({ title: '认证成功', icon: 'success' });
      setTimeout(() => {
        if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
        else Taro.reLaunch({ url: ROUTES.home });
      }, 800);
      return LEAVING;
    });
  };

  if (pending) {
    return (
      <View className='page'>
        <View className='card bind-pending'>
          <View className='bind-pending__title'>已提交绑定申请，等待 {pending.approverName || '审核人'} 审核</View>
          <View className='bind-pending__text'>
            申请绑定：{pending.enterpriseName}
            {'\n'}
            企业已有联系人的，由企业第一联系人审核；首位联系人由所在网格的网格员审核。审核结果将通过消息中心通知您。
          </View>
        </View>
        <View className='actions'>
          <Button type='primary' size='large' block onClick={() => Taro.reLaunch({ url: ROUTES.home })}>
            返回首页
          </Button>
        </View>
        <View className='bind-pending__other link' onClick={() => setPending(null)}>
          填错了？重新申请绑定其他企业
        </View>
      </View>
    );
  }

  return (
    <View className='page'>
      <View className='intro'>
        请填写与营业执照一致的企业信息。关联成功后，您可以在线反映问题，办理进度会实时推送给您。
      </View>
      <View className='card form'>
        <Field label='企业名称' required error={errors.name}>
          <Input
            className='form-input'
            placeholder='与营业执照上的名称一致'
            value={name}
            maxLength={100}
            onChange={edit('name', setName)}
          />
        </Field>
        <Field label='统一社会信用代码' required error={errors.creditCode}>
          <Input
            className='form-input'
            placeholder='18 位，如 91130100MA0XXXXXXX'
            value={creditCode}
            maxLength={24}
            onChange={edit('creditCode', (v: string) => setCreditCode(v.toUpperCase()))}
          />
        </Field>
        <Field label='您的姓名' error={errors.applicantName}>
          <Input
            className='form-input'
            placeholder='便于审核人确认您的身份'
            value={applicantName}
            maxLength={20}
            onChange={edit('applicantName', setApplicantName)}
          />
        </Field>
        <Field label='联系电话' error={errors.phone}>
          <PhoneInput
            placeholder='选填，审核人可电话核实'
            value={phone}
            onChange={edit('phone', setPhone)}
          />
        </Field>
      </View>
      <SubmitButton busy={busy} onClick={submit}>绑定企业</SubmitButton>
      <View className='legal-note'>
        绑定即表示您同意
        <Text className='link' onClick={() => Taro.navigateTo({ url: NOTIFY_ROUTES.legal('terms') })}>《用户协议》</Text>和
        <Text className='link' onClick={() => Taro.navigateTo({ url: NOTIFY_ROUTES.legal('privacy') })}>《隐私政策》</Text>
      </View>
    </View>
  );
}
