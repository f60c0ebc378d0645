import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { Card, CardPermissions, RequestDetail } from '../../shared/api-types';
import { useDetail } from '../../shared/use-detail';
import CardInfo from '../../components/CardInfo';
import RequestInfo from '../../components/RequestInfo';
import { ErrorState, Loading } from '../../components/StateView';
import './index.css';

type Detail = { card: Card; request: RequestDetail; can: CardPermissions };

export default function DeptCardPage() {
  const { params } = useRouter();
  const cardId = params.cardId ?? '';
  const [reply, setReply] = useState('');
  const [reason, setReason] = useState('');
  const [formError, setFormError] = useState<{ reply?: string; reason?: string }>({});

  const { detail, meta, error, busy, load, act } = useDetail<Detail>('card.get', { cardId });

  const accept = () => act('accept', 'card.accept', {}, '已接收，请按时限办理');

  const answer = async () => {
    if (reply.trim().length < 2) return setFormError({ reply: '请填写答复内容（至少2个字）' });
    setFormError({});
    if (await act('reply', 'card.reply', { reply: reply.trim() }, '已答复调度中心')) setReply('');
  };

  const giveBack = async () => {
    if (reason.trim().length < 2) return setFormError({ reason: '请说明退回原因（至少2个字）' });
    setFormError({});
    if (await act('return', 'card.return', { reason: reason.trim() }, '已退回调度中心')) setReason('');
  };

  if (!detail) {
    return <View className='page'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }
  const { card, request, can } = detail;

  return (
    <View className='page'>
      <CardInfo card={card} />

      {can.accept && (
        <View className='card action-card'>
          <View className='card__title'>接收督办卡</View>
          <View className='muted small'>接收后请在办理时限（{card.deadline}）前答复，调度中心全程督办。</View>
          <View className='actions'>
            <Button type='primary' size='large' block loading={busy === 'accept'} onClick={accept}>
              接收
            </Button>
          </View>
        </View>
      )}

      {can.reply && (
        <View className='card action-card'>
          <View className='card__title'>答复督办卡</View>
          <TextArea
            className='form-textarea'
            placeholder='填写办理情况和结果，将反馈调度中心和企业'
            value={reply}
            maxLength={1000}
            rows={4}
            onChange={setReply}
          />
          {formError.reply && <View className='field__error'>{formError.reply}</View>}
          <View className='actions'>
            <Button type='primary' size='large' block loading={busy === 'reply'} onClick={answer}>
              答复
            </Button>
          </View>
        </View>
      )}

      {can.return && (
        <View className='card action-card action-card--return'>
          <View className='card__title'>非本部门职责，退回调度</View>
          <TextArea
            className='form-textarea'
            placeholder='说明退回原因，如应由哪个部门办理'
            value={reason}
            maxLength={500}
            rows={3}
            onChange={setReason}
          />
          {formError.reason && <View className='field__error'>{formError.reason}</View>}
          <View className='actions'>
            <Button type='danger' fill='outline' size='large' block loading={busy === 'return'} onClick={giveBack}>
              退回
            </Button>
          </View>
        </View>
      )}

      <RequestInfo request={request} meta={meta} viewer='officer' />
    </View>
  );
}
