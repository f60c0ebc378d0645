import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatTime } from '../../shared/format';
import { VISIT_ROUTES } from '../../shared/visit-routes';
import { callService, errorText, toastError } from '../../services/call';
import { ErrorState, Loading } from '../../components/StateView';
import { codeSrc } from '../code-image';
import type { OfficerCode } from '../types';
import '../visit.css';
import './index.css';

/** 亮证码: the official shows it at the door; the enterprise scans it to check who is there and why. */
export default function OfficialCodePage() {
  const [data, setData] = useState<OfficerCode | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async (renew = false) => {
    try {
      setData(await callService('visit.officerCode', renew ? { renew: true } : {}));
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const renew = async () => {
    const ok = await Taro.showModal({ title: '更换亮证码', content: '旧码将立即失效，确定更换？', confirmText: '更换' }).then((r) => r.confirm, () => false);
    if (!ok || busy) return;
    setBusy(true);
    try {
      await load(true);
      Taro.showToast({ title: '已更换', icon: 'none' });
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!data) return <View className='page'>{error ? <ErrorState message={error} onRetry={() => load()} /> : <Loading />}</View>;
  const v = data.openVisit;
  return (
    <View className='page'>
      <View className='card badge'>
        <View className='badge__band'>公务人员亮证码</View>
        <View className='badge__name'>{data.official.name}</View>
        <View className='badge__dept'>
          {data.official.deptName} · {data.official.roleLabel}
        </View>
        <View className='qr-box'>
          <Image className='qr-box__img badge__qr' src={codeSrc(data.code.image)} />
          <View className='qr-box__caption'>请企业扫码核验身份、入企事由{v && (v.purpose === 'inspection' || v.purpose === 'joint') ? '和执法依据' : ''}</View>
        </View>
        {v ? (
          <View className='badge__visit badge__visit--on'>
            <Text className='badge__visit-title'>正在入企：{v.enterpriseName}</Text>
            <Text className='badge__visit-sub'>
              {v.purposeLabel} · {formatTime(v.checkinAt, 'HH:mm')} 签到{v.approvalRef ? ` · ${v.approvalRef}` : ''}
            </Text>
          </View>
        ) : (
          <View className='badge__visit'>
            <Text className='badge__visit-title'>当前未在入企</Text>
            <Text className='badge__visit-sub'>进门前请先扫描企业的公务入企码签到</Text>
          </View>
        )}
      </View>
      <Button type='primary' size='large' block onClick={() => Taro.navigateTo({ url: VISIT_ROUTES.scan() })}>
        {v ? '扫码签退' : '扫码入企'}
      </Button>
      <View className='link-row'>
        <Text className='link' onClick={renew}>
          {busy ? '正在更换…' : '亮证码泄露？更换亮证码'}
        </Text>
      </View>
    </View>
  );
}
