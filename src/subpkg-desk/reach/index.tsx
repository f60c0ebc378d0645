import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { ReachRow } from '../../shared/api-types';
import { roleLabel } from '../../shared/labels';
import { formatDate } from '../../shared/format';
import { callService } from '../../services/call';
import { useQuery } from '../../shared/use-query';
import { EmptyState, QueryState } from '../../components/StateView';
import '../desk.css';
import './index.css';

const WINDOWS = [7, 30, 90] as const;
type Days = (typeof WINDOWS)[number];

const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);
/** below this share of new work reaching the person in time, the row is flagged */
const LOW_RATE = 80;

function consents(r: ReachRow): { text: string; low: boolean } {
  if (r.longTerm) return { text: '长期', low: false };
  return { text: `${r.credits} 次`, low: r.credits === 0 };
}

function Row({ r }: { r: ReachRow }) {
  const c = consents(r);
  const low = r.rate !== null && r.rate < LOW_RATE;
  return (
    <View className={`row-card reach-row${low ? ' reach-row--low' : ''}`}>
      <View className='reach-cell reach-cell--name'>
        <Text className='reach-name'>{r.name}</Text>
        <Text className='reach-role'>{r.roles.filter((x) => x === 'officer' || x === 'liaison' || x === 'department').map(roleLabel).join('、')}</Text>
        {!r.hasPhone && <Text className='tag tag--red reach-flag'>无手机号</Text>}
      </View>
      <Text className='reach-cell reach-cell--num'>
        <Text className='reach-cell__label'>新工单 </Text>
        {r.assignments}
      </Text>
      <Text className={`reach-cell reach-cell--num reach-cell--rate${low ? ' reach-cell--bad' : ''}`}>
        <Text className='reach-cell__label'>5分钟内触达 </Text>
        {rateText(r.rate)}
      </Text>
      <Text className='reach-cell reach-cell--num reach-cell--channel'>
        <Text className='reach-cell__label'>微信 </Text>
        {r.byChannel.wechat}
      </Text>
      <Text className='reach-cell reach-cell--num reach-cell--channel'>
        <Text className='reach-cell__label'>短信 </Text>
        {r.byChannel.sms}
      </Text>
      <Text className={`reach-cell reach-cell--num reach-cell--channel${r.byChannel.inapp ? ' reach-cell--warn' : ''}`}>
        <Text className='reach-cell__label'>仅站内 </Text>
        {r.byChannel.inapp}
      </Text>
      <Text className='reach-cell reach-cell--num reach-cell--channel'>
        <Text className='reach-cell__label'>待发送 </Text>
        {r.byChannel.pending}
      </Text>
      <Text className={`reach-cell reach-cell--num${c.low ? ' reach-cell--warn' : ''}`}>
        <Text className='reach-cell__label'>微信提醒次数 </Text>
        {c.text}
      </Text>
    </View>
  );
}

export default function ReachPage() {
  const [days, setDays] = useState<Days>(30);
  const { data, loading, error, load } = useQuery(() => callService('desk.reach', { days }), [days]);

  const noPhone = data?.rows.filter((r) => !r.hasPhone).length ?? 0;
  const noConsent = data?.rows.filter((r) => !r.longTerm && r.credits === 0).length ?? 0;

  return (
    <View className='page page--wide reach'>
      <View className='card reach-top'>
        <View className='chips reach-days'>
          {WINDOWS.map((d) => (
            <Text key={d} className={`chip${d === days ? ' chip--active' : ''}`} onClick={() => setDays(d)}>
              近{d}天
            </Text>
          ))}
          {loading && data && <Text className='muted small reach-loading'>刷新中…</Text>}
        </View>
        {data && (
          <View className='reach-totals'>
            <View className='reach-total'>
              <Text className='reach-total__value'>{data.total.assignments}</Text>
              <Text className='reach-total__label'>新工单</Text>
            </View>
            <View className='reach-total'>
              <Text className='reach-total__value'>{data.total.reached}</Text>
              <Text className='reach-total__label'>{data.withinMinutes}分钟内站外送达</Text>
            </View>
            <View className={`reach-total${data.total.rate !== null && data.total.rate < LOW_RATE ? ' reach-total--bad' : ''}`}>
              <Text className='reach-total__value'>{rateText(data.total.rate)}</Text>
              <Text className='reach-total__label'>{data.withinMinutes}分钟内触达率</Text>
            </View>
            <View className={`reach-total${noConsent ? ' reach-total--warn' : ''}`}>
              <Text className='reach-total__value'>{noConsent}</Text>
              <Text className='reach-total__label'>人无微信提醒次数</Text>
            </View>
            <View className={`reach-total${noPhone ? ' reach-total--warn' : ''}`}>
              <Text className='reach-total__value'>{noPhone}</Text>
              <Text className='reach-total__label'>人无手机号</Text>
            </View>
          </View>
        )}
        {data && (
          <View className='reach-note'>
            {formatDate(data.from)} 至 {formatDate(data.to)}：分派给网格员、特派员的新工单和下发给部门的督办卡，在{data.withinMinutes}分钟内经微信提醒或短信送达的比例。
            「仅站内」指微信和短信都未送达，只能在消息中心看到；触达率低的排在前面。
          </View>
        )}
      </View>

      <QueryState loaded={!!data} error={error} onRetry={load} errorClass='reach-error' />
      {data && data.rows.length === 0 && <EmptyState text='没有在您负责范围内的网格员、特派员' />}
      {data && data.rows.length > 0 && (
        <View className='reach-table'>
          <View className='row-card reach-row reach-row--head'>
            <Text className='reach-cell reach-cell--name'>承办人</Text>
            <Text className='reach-cell reach-cell--num'>新工单</Text>
            <Text className='reach-cell reach-cell--num'>{data.withinMinutes}分钟内触达</Text>
            <Text className='reach-cell reach-cell--num reach-cell--channel'>微信</Text>
            <Text className='reach-cell reach-cell--num reach-cell--channel'>短信</Text>
            <Text className='reach-cell reach-cell--num reach-cell--channel'>仅站内</Text>
            <Text className='reach-cell reach-cell--num reach-cell--channel'>待发送</Text>
            <Text className='reach-cell reach-cell--num'>微信提醒次数</Text>
          </View>
          {data.rows.map((r) => (
            <Row key={r.id} r={r} />
          ))}
        </View>
      )}
    </View>
  );
}
