import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { newClientKey } from '../../shared/format';
import Field from '../../components/Field';
import { PHONE_PATTERN } from '../../../core/contract/limits';
import type { CategoryCode } from '../../../core/contract/catalog';


export type Problems = { clientKey: string; category: CategoryCode; description: string; photos: string[]; phone: string };
export type CheckoutFields = { outcome: string; problems?: Problems };

type Props = {
  categories: { code: string; name: string }[];
  busy: boolean;
  submitLabel: string;
  /** the caller scans, locates and sends; it keeps the form as it is when that fails */
  onSubmit: (fields: CheckoutFields) => void;
  type?: 'primary' | 'warning';
};

/**
 * What an official says when leaving: what was done (办理情况, required) and, optionally, problems
 * found, filed for the enterprise as a request (走访代报) with the check-out.
 */
export default function CheckoutForm({ categories, busy, submitLabel, onSubmit, type = 'primary' }: Props) {
  const [outcome, setOutcome] = useState('');
  const [reporting, setReporting] = useState(false);
  const [category, setCategory] = useState<CategoryCode | ''>('');
  const [description, setDescription] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // one key per problem: a retried check-out files it once
  const clientKey = useRef(newClientKey());
  const edit = <V extends string>(field: string, set: (v: V) => void) => (v: V) => {
    set(v);
    setErrors((e) => (e[field] ? { ...e, [field]: '' } : e));
  };

  const submit = () => {
    if (busy) return;
    const e: Record<string, string> = {};
    const text = outcome.trim();
    if (text.length < 2) e.outcome = '请填写办理情况（至少2个字）';
    else if (text.length > 300) e.outcome = '办理情况不能超过300字';
    if (reporting) {
      if (!category) e.category = '请选择诉求类别';
      if (description.trim().length < 5) e.description = '请至少用 5 个字描述问题';
      if (!PHONE_PATTERN.test(phone.trim())) e.phone = '请填写企业联系人电话（手机号11位，或区号-座机号）';
    }
    setErrors(e);
    const first = Object.values(e)[0];
    if (first || (reporting && !category)) {
      if (first) Taro.showToast({ title: first, icon: 'none' });
      return;
    }
    onSubmit({
      outcome: text,
      ...(reporting
        ? { problems: { clientKey: clientKey.current, category: category as CategoryCode, description: description.trim(), photos: [], phone: phone.trim() } }
        : {}),
    });
  };

  return (
    <View className='checkout-form'>
      <Field label='办理情况' required error={errors.outcome} extra={<Text className='field__extra'>{outcome.trim().length}/300</Text>}>
        <TextArea
          className='form-textarea'
          placeholder='本次入企做了什么、结果如何（企业可见）'
          value={outcome}
          maxLength={300}
          rows={3}
          onChange={edit('outcome', setOutcome)}
        />
      </Field>
      <View className={`choice checkout-form__toggle${reporting ? ' choice--active' : ''}`} onClick={() => setReporting(!reporting)}>
        <View className='choice__title'>{reporting ? '☑' : '☐'} 发现问题，代企业反映（走访代报）</View>
        <View className='choice__sub'>随签退提交为企业诉求，进入正常分派办理，企业可跟踪进度并评价</View>
      </View>
      {reporting && (
        <>
          <Field label='诉求类别' required error={errors.category}>
            <View className='chips'>
              {categories.map((c) => (
                <Text key={c.code} className={`chip${category === c.code ? ' chip--active' : ''}`} onClick={() => edit<CategoryCode | ''>('category', setCategory)(c.code as CategoryCode)}>
                  {c.name}
                </Text>
              ))}
            </View>
          </Field>
          <Field label='发现的问题' required error={errors.description}>
            <TextArea className='form-textarea' placeholder='企业遇到的问题和诉求' value={description} maxLength={1000} rows={3} onChange={edit('description', setDescription)} />
          </Field>
          <Field label='企业联系电话' required error={errors.phone}>
            <Input className='form-input' type='tel' placeholder='承办人员将通过此电话联系企业' value={phone} maxLength={13} onChange={edit('phone', setPhone)} />
          </Field>
        </>
      )}
      <View className='actions'>
        <Button type={type} size='large' block loading={busy} onClick={submit}>
          {submitLabel}
        </Button>
      </View>
    </View>
  );
}
