import { TextArea } from '@nutui/nutui-react-taro';
import Field from '../../components/Field';
import PhoneInput from '../../components/PhoneInput';
import CategoryPicker from '../../components/CategoryPicker';
import type { FieldErrors } from '../../shared/use-form';
import { PHONE_PATTERN } from '../../../core/contract/limits';
import { CATEGORY_CODES, type CategoryCode } from '../../../core/contract/catalog';

/** a problem an official files for the enterprise (走访代报), as typed so far */
export type ProblemDraft = { category: CategoryCode | ''; description: string; phone: string };
export const NO_PROBLEM: ProblemDraft = { category: '', description: '', phone: '' };

/** what keeps a problem from being filed, by field */
export function problemErrors(p: ProblemDraft): FieldErrors {
  const e: FieldErrors = {};
  if (!p.category) e.category = '请选择诉求类别';
  if (p.description.trim().length < 5) e.description = '请至少用 5 个字描述问题';
  if (!PHONE_PATTERN.test(p.phone.trim())) e.phone = '请填写企业联系人电话（手机号11位，或区号-座机号）';
  return e;
}

type Props = {
  /** the leaves offered (meta's); picked a group (大类) then a leaf (小类) */
  categories: { code: string; name: string }[];
  value: ProblemDraft;
  onChange: (next: ProblemDraft) => void;
  errors: FieldErrors;
  /** a field was changed: its error goes */
  edited: (field: keyof ProblemDraft) => void;
  /** the description's label: 问题描述 on its own, 发现的问题 beside a check-out */
  describeLabel: string;
};

/** the category, description and contact phone of a problem filed for the enterprise (走访代报) */
export default function ProblemFields({ categories, value, onChange, errors, edited, describeLabel }: Props) {
  const set = <K extends keyof ProblemDraft>(field: K) => (v: ProblemDraft[K]) => {
    onChange({ ...value, [field]: v });
    edited(field);
  };
  return (
    <>
      <Field label='诉求类别' required error={errors.category}>
        <CategoryPicker value={value.category} exclude={CATEGORY_CODES.filter((c) => !categories.some((o) => o.code === c))} onChange={set('category')} />
      </Field>
      <Field label={describeLabel} required error={errors.description}>
        <TextArea className='form-textarea' placeholder='企业遇到的问题和诉求' value={value.description} maxLength={1000} rows={3} onChange={set('description')} />
      </Field>
      <Field label='企业联系电话' required error={errors.phone}>
        <PhoneInput placeholder='承办人员将通过此电话联系企业' value={value.phone} onChange={set('phone')} />
      </Field>
    </>
  );
}
