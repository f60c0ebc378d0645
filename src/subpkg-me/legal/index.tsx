import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { privacyPolicy, userAgreement } from './texts';
import '../me.css';

/** 隐私政策 (?doc=privacy) and 用户协议 (?doc=terms): readable before signing in too */
export default function LegalPage() {
  const { params } = useRouter();
  const operator = '本区';
  const doc = params.doc === 'terms' ? userAgreement(operator) : privacyPolicy(operator);
  return (
    <View className='page legal'>
      <View className='card'>
        <View className='legal__title'>{doc.title}</View>
        {doc.sections.map((s) => (
          <View key={s.heading} className='legal__section'>
            <Text className='legal__heading'>{s.heading}</Text>
            {s.paragraphs.map((p) => (
              <View key={p} className='legal__paragraph'>
                {p}
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
