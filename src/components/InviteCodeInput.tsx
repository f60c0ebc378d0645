import { Input } from '@tarojs/components';

type Props = { value: string; onChange: (code: string) => void; className: string };

/**
 * The admin's one-time invite code, typed in capitals (the codes are; a lower-case letter is the same one).
 * Taro's own input: NutUI's would pull its shared helpers into the main package.
 */
export default function InviteCodeInput({ value, onChange, className }: Props) {
  return <Input className={`form-input ${className}`} placeholder='8 位邀请码' value={value} maxlength={12} onInput={(e) => onChange(e.detail.value.toUpperCase())} />;
}
