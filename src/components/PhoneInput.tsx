import { Input } from '@nutui/nutui-react-taro';

type Props = { value: string; onChange: (value: string) => void; placeholder: string };

/**
 * A phone number box (a mobile number, or 区号-座机号): the digit keyboard in WeChat, whose input knows no
 * `tel`, and the phone keypad in a browser.
 */
export default function PhoneInput({ value, onChange, placeholder }: Props) {
  return (
    <Input
      className='form-input'
      type={process.env.TARO_ENV === 'weapp' ? 'number' : 'tel'}
      placeholder={placeholder}
      value={value}
      maxLength={20}
      onChange={onChange}
    />
  );
}
