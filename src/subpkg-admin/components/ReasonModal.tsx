import type { ReactNode } from 'react';
import { TextArea } from '@nutui/nutui-react-taro';
import Field from '../../components/Field';
import Modal from './Modal';

type Props = {
  title: string;
  /** a class for tests and styling, e.g. 'modal--retire' */
  name: string;
  /** the button, which is also what the reason is for: '撤销', '停用' */
  okText: string;
  busy: boolean;
  hint: ReactNode;
  placeholder: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  onOk: () => void;
  onClose: () => void;
};

/** A step that takes something out of use (撤销 an organisation, 停用 a person): a red confirmation that asks why. */
export default function ReasonModal({ title, name, okText, busy, hint, placeholder, value, error, onChange, onOk, onClose }: Props) {
  return (
    <Modal title={title} name={name} danger busy={busy} okText={okText} onOk={onOk} onClose={onClose} hint={hint}>
      <Field label={`${okText}原因`} required error={error}>
        <TextArea className='form-textarea' placeholder={placeholder} value={value} maxLength={200} rows={3} onChange={onChange} />
      </Field>
    </Modal>
  );
}
