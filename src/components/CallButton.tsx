import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import './CallButton.css';

type Props = { phone: string; label?: string };

/** 一键拨打: WeChat's makePhoneCall; in a browser a tel: link, which the phone dials */
export default function CallButton({ phone, label }: Props) {
  const call = () => {
    if (process.env.TARO_ENV === 'h5') {
      window.location.href = `tel:${phone.replace(/[^\d+]/g, '')}`;
      return;
    }
    Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
  };
  return (
    <Text className='call-button' onClick={call}>
      {label ?? `拨打 ${phone}`}
    </Text>
  );
}
