/**
 * Desk detail: the recusal warning on a complaint about officials (回避提示). Shown to the
 * dispatcher above everything else: who must not handle it and why, and that a supervision card
 * to their departments needs the dispatcher's explicit confirmation.
 */
import { Text, View } from '@tarojs/components';
import { Row } from '../../components/RequestInfo';
import type { DeskPartProps } from './part-props';
import './recusal-notice.css';

export default function RecusalNotice({ detail, options }: DeskPartProps) {
  const recusal = detail.request.recusal;
  if (!recusal || !recusal.userIds.length) return null;
  // department names come with the desk's options; the reason names them too when they are not loaded
  const deptNames = options ? recusal.deptIds.map((id) => options.departments.find((d) => d.id === id)?.name ?? '').filter(Boolean) : [];
  const open = !['resolved', 'closed', 'rejected'].includes(detail.request.status);
  return (
    <View className='card notice-card--danger recusal-notice'>
      <View className='recusal-notice__head'>
        <Text className='recusal-notice__badge'>须回避</Text>
        <Text className='recusal-notice__title'>本件是对公职人员的投诉</Text>
      </View>
      <View className='recusal-notice__reason'>{recusal.reason}</View>
      <Row label='不得承办'>
        <Text className='recusal-notice__names'>{recusal.userNames.join('、')}</Text>
      </Row>
      {recusal.deptIds.length > 0 && (
        <Row label='所在部门'>
          <Text>{deptNames.length ? deptNames.join('、') : '见上'}</Text>
        </Row>
      )}
      <View className='recusal-notice__rules'>
        <View className='recusal-notice__rule'>· 被投诉人看不到本件，也不会收到任何通知；改派时不能选择被投诉人。</View>
        {recusal.deptIds.length > 0 ? (
          <View className='recusal-notice__rule recusal-notice__rule--strong'>
            · 向被投诉人所在部门{deptNames.length ? `（${deptNames.join('、')}）` : ''}下发督办卡，须调度员确认回避风险后方可下发，被投诉人本人仍看不到督办卡。
          </View>
        ) : null}
        {open && <View className='recusal-notice__rule'>· 建议由其他部门或调度中心直接核查答复。</View>}
      </View>
    </View>
  );
}
