import { useRef, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { newClientKey } from '../../shared/format';
import { useForm, type FieldErrors } from '../../shared/use-form';
import Field from '../../components/Field';
import SubmitButton from '../../components/SubmitButton';
import ProblemFields, { NO_PROBLEM, problemErrors, type ProblemDraft } from './ProblemFields';
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
  const [problem, setProblem] = useState<ProblemDraft>(NO_PROBLEM);
  const { errors, edited, check } = useForm();
  // one key per problem: a retried check-out files it once
  const clientKey = useRef(newClientKey());

  const submit = () => {
    if (busy) return;
    const text = outcome.trim();
    const e: FieldErrors = {};
    if (text.length < 2) e.outcome = '请填写办理情况（至少2个字）';
    else if (text.length > 300) e.outcome = '办理情况不能超过300字';
    if (reporting) Object.assign(e, problemErrors(problem));
    if (!check(e) || (reporting && !problem.category)) return;
    onSubmit({
      outcome: text,
      ...(reporting
        ? { problems: { clientKey: clientKey.current, category: problem.category as CategoryCode, description: problem.description.trim(), photos: [], phone: problem.phone.trim() } }
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
          onChange={(v) => {
            setOutcome(v);
            edited('outcome');
          }}
        />
      </Field>
      <View className={`choice checkout-form__toggle${reporting ? ' choice--active' : ''}`} onClick={() => setReporting(!reporting)}>
        <View className='choice__title'>{reporting ? '☑' : '☐'} 发现问题，代企业反映（走访代报）</View>
        <View className='choice__sub'>随签退提交为企业诉求，进入正常分派办理，企业可跟踪进度并评价</View>
      </View>
      {reporting && (
        <ProblemFields categories={categories} value={problem} onChange={setProblem} errors={errors} edited={edited} describeLabel='发现的问题' />
      )}
      <SubmitButton type={type} busy={busy} onClick={submit}>{submitLabel}</SubmitButton>
    </View>
  );
}
