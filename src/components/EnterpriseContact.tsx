import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Answer } from '../../core/contract/answers';
import CallButton from './CallButton';
import './EnterpriseContact.css';

type Contact = NonNullable<NonNullable<Answer<'request.get'>['contacts']>['enterprise']>;

/** The handler's way to the enterprise: its contact and phone (一键拨打), its address and, in WeChat, the map (openLocation). */
export default function EnterpriseContact({ contact }: { contact: Contact }) {
  const loc = contact.location;
  const navigate = () => {
    if (!loc) return;
    Taro.openLocation({ latitude: loc.latitude, longitude: loc.longitude, name: contact.name, address: contact.address, scale: 16 }).catch(() => undefined);
  };
  // the map opens in WeChat; a browser shows the address to read out or copy
  const canMap = !!loc && process.env.TARO_ENV !== 'h5';
  return (
    <View className='card enterprise-contact'>
      <View className='enterprise-contact__row'>
        <View className='enterprise-contact__who'>
          <Text className='enterprise-contact__label'>企业联系人</Text>
          <Text className='enterprise-contact__name'>{contact.contactName ? `${contact.contactName} · ${contact.name}` : contact.name}</Text>
        </View>
        {contact.phone && <CallButton phone={contact.phone} label='一键拨打' />}
      </View>
      {contact.address && (
        <View className='enterprise-contact__row enterprise-contact__place'>
          <Text className='enterprise-contact__address'>{contact.address}</Text>
          {canMap && (
            <Text className='enterprise-contact__map' onClick={navigate}>
              导航
            </Text>
          )}
        </View>
      )}
    </View>
  );
}
