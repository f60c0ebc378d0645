import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

type Props = {
  children: ReactNode;
  onClick: () => void;
  /** the form's action is running: the button spins and takes no second tap */
  busy?: boolean;
  type?: 'primary' | 'danger' | 'warning';
  fill?: 'outline';
  disabled?: boolean;
};

/** The full-width button under a form or an action's note that sends it. */
export default function SubmitButton({ children, onClick, busy = false, type = 'primary', fill, disabled }: Props) {
  // NutUI merges props over its defaults: an undefined fill or disabled would override them, so leave them out
  const optional = { ...(fill ? { fill } : {}), ...(disabled !== undefined ? { disabled } : {}) };
  return (
    <View className='actions'>
      <Button type={type} {...optional} size='large' block loading={busy} onClick={onClick}>
        {children}
      </Button>
    </View>
  );
}
