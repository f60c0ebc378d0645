import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatTime } from '../../shared/format';
import { VISIT_ROUTES } from '../../shared/visit-routes';
import { callService, errorText } from '../../services/call';
import { currentMe } from '../../services/profile';
import { Loading } from '../../components/StateView';
import { InfoRow } from '../components/VisitParts';
import { SCAN_LABEL } from '../scanner';
import { signInFirst, useScene } from '../use-scene';
import type { OfficerCheck } from '../types';
import '../visit.css';

const VERDICT = {
  checked_in: { tone: 'green', icon: '✓', title: '已扫码备案' },
  planned: { tone: 'orange', icon: '!', title: '已报检查计划，尚未扫码备案' },
  not_checked_in: { tone: 'orange', icon: '!', title: '尚未在贵企业扫码备案' },
  inactive: { tone: 'red', icon: '×', title: '身份无效' },
} as const;

/** The enterprise scanned an official's personal code: who stands at the door, and why. */
export default function CheckOfficialPage() {
  const [data, setData] = useState<OfficerCheck | null>(null);
  const [error, setError] = useState('');
  const [isEnterprise, setIsEnterprise] = useState(false);

  const load = async (s: string) => {
    setError('');
    if (!s || signInFirst(VISIT_ROUTES.check(s))) return;
    try {
      const [d, me] = await Promise.all([callService('visit.checkOfficer', { scene: s }), currentMe().catch(() => null)]);
      setData(d);
      setIsEnterprise(!!me?.user.enterpriseId);
    } catch (e) {
      setData(null);
      setError(errorText(e));
    }
  };
  const { scene, scanAgain: scan } = useScene(load);

  if (!scene || error) {
    return (
      <View className='page'>
        <View className='visit-hero'>
          <View className='visit-hero__kicker'>两码互扫</View>
          <View className='visit-hero__title'>核验来访人员</View>
          <View className='visit-hero__sub'>扫描工作人员出示的亮证码，查看其身份、部门、入企事由和执法依据</View>
        </View>
        {error && <View className='banner banner--danger'>{error}</View>}
        <Button type='primary' size='large' block onClick={scan}>
          {SCAN_LABEL}
        </Button>
      </View>
    );
  }
  if (!data) return <View className='page'><Loading /></View>;

  const verdict = VERDICT[data.status];
  const v = data.visit;
  return (
    <View className='page'>
      <View className={`visit-hero visit-hero--${verdict.tone}`}>
        <View className='visit-hero__kicker'>来访人员核验</View>
        <View className='visit-hero__title'>
          {verdict.icon} {verdict.title}
        </View>
        <View className='visit-hero__sub'>{formatTime(Date.now())} 核验</View>
      </View>

      <View className='card'>
        <View className='card__title'>身份</View>
        <InfoRow label='姓名'>{data.official.name}</InfoRow>
        <InfoRow label='部门'>{data.official.deptName}</InfoRow>
        <InfoRow label='身份'>{data.official.roleLabel}</InfoRow>
        <InfoRow label='状态' tone={data.official.active ? undefined : 'danger'}>
          {data.official.active ? '在职公职人员' : '账号已停用'}
        </InfoRow>
      </View>

      {v && (
        <View className='card'>
          <View className='card__title'>本次入企</View>
          <InfoRow label='企业'>{v.enterpriseName}</InfoRow>
          <InfoRow label='入企事由'>{v.purposeLabel}</InfoRow>
          {v.note && <InfoRow label='入企说明'>{v.note}</InfoRow>}
          {v.inspection && (
            <InfoRow label='报批备案号' tone={v.approvalRef ? undefined : 'danger'}>
              {v.approvalRef || '未提供'}
            </InfoRow>
          )}
          {v.inspection && <InfoRow label='执法依据'>{v.legalBasis}</InfoRow>}
          <InfoRow label='签到时间'>
            {formatTime(v.checkinAt)}
            {v.late ? '（事后补录）' : ''}
          </InfoRow>
        </View>
      )}

      {data.plans.length > 0 && (
        <View className='card'>
          <View className='card__title'>已预告的检查</View>
          {data.plans.map((p, i) => (
            <View key={i} className='choice'>
              <View className='choice__title'>
                {p.joint ? '联合检查 · ' : ''}
                {p.items}
              </View>
              <View className='choice__sub'>
                {p.from} 至 {p.to} · 执法依据：{p.legalBasis}
                {p.approvalRef ? ` · 报批备案号：${p.approvalRef}` : ''}
              </View>
            </View>
          ))}
        </View>
      )}

      <View className={`banner ${data.status === 'checked_in' ? 'banner--ok' : 'banner--warn'}`}>{data.advice}</View>

      {isEnterprise && (
        <View className='button-row'>
          <Button size='large' onClick={scan}>
            再扫一位
          </Button>
          <Button type='primary' size='large' onClick={() => Taro.navigateTo({ url: VISIT_ROUTES.history() })}>
            本企业入企记录
          </Button>
        </View>
      )}
      {!isEnterprise && (
        <Button size='large' block onClick={scan}>
          再扫一位
        </Button>
      )}
      <View className='hint' style={{ textAlign: 'center' }}>
        <Text>对入企行为有异议，可在“入企记录”中匿名评价或投诉。</Text>
      </View>
    </View>
  );
}
