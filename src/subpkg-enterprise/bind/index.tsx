import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ROUTES } from '../../shared/routes';
import { ApiError, callService, toastError } from '../../services/call';
import { forgetSession } from '../../services/profile';
import Field, { fieldErrors } from '../../components/Field';

// GB 32100-2015: 18 characters from digits and capital letters except I, O, S, V, Z (the server checks the check character)
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const normalize = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

export default function BindPage() {
  const [name, setName] = useState('');
  const [creditCode, setCreditCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const edited = (field: string) => setErrors((e) => (e[field] ? { ...e, [field]: '' } : e));
  const [busy, setBusy] = useState(false);

  const validate = () => {
    const e: Record<string, string> = {};
    if (name.trim().length < 2) e.name = '请填写企业全称';
    const code = normalize(creditCode);
    if (!code) e.creditCode = '请填写统一社会信用代码';
    else if (!CREDIT_CODE.test(code)) e.creditCode = '统一社会信用代码应为 18 位数字或大写字母';
    setErrors(e);
    const first = Object.values(e)[0];
    if (first) Taro.showToast({ title: first, icon: 'none' });
    return !first;
  };

  const submit = async () => {
    if (busy || !validate()) return;
    setBusy(true);
    try {
      await callService('enterprise.bind', { name: name.trim(), creditCode: normalize(creditCode) });
      forgetSession();
      Taro.showToast({ title: '认证成功', icon: 'success' });
      setTimeout(() => {
        if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
        else Taro.reLaunch({ url: ROUTES.home });
      }, 800);
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setErrors(fieldErrors(e.details));
      toastError(e);
      setBusy(false);
    }
  };

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
            onChange={(v) => {
              setName(v);
              edited('name');
            }}
          />
        </Field>
        <Field label='统一社会信用代码' required error={errors.creditCode}>
          <Input
            className='form-input'
            placeholder='18 位，如 91130100MA0XXXXXXX'
            value={creditCode}
            maxLength={24}
            onChange={(v) => {
              setCreditCode(v.toUpperCase());
              edited('creditCode');
            }}
          />
        </Field>
      </View>
      <View className='actions'>
        <Button type='primary' size='large' block loading={busy} onClick={submit}>
          绑定企业
        </Button>
      </View>
    </View>
  );
}
