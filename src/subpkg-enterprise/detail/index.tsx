import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Rate, TextArea } from '@nutui/nutui-react-taro';
import type { Meta, Permissions, RequestDetail } from '../../shared/api-types';
import { callService, errorText, toastError } from '../../services/call';
import { loadMeta } from '../../services/profile';
import RequestInfo from '../../components/RequestInfo';
import { ErrorState, Loading } from '../../components/StateView';
import './index.css';

type Detail = { request: RequestDetail; can: Permissions };

const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

export default function EnterpriseDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [detail, setDetail] = useState<Detail | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [error, setError] = useState('');
  const [score, setScore] = useState(5);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [busy, setBusy] = useState('');

  const load = async () => {
    try {
      const [d, m] = await Promise.all([
        callService<Detail>('request.get', { id }),
        loadMeta().catch(() => null),
      ]);
      setDetail(d);
      setMeta(m);
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const act = async (key: string, action: string, fields: object, done: string) => {
    if (busy) return;
    setBusy(key);
    try {
      await callService(action, { id, ...fields });
      Taro.showToast({ title: done, icon: 'none' });
      await load();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy('');
    }
  };

  const confirm = () => act('confirm', 'request.confirm', { score, comment: comment.trim() || undefined }, '感谢您的评价');

  const reopen = () => {
    if (!reason.trim()) {
      setReasonError('请填写退回原因');
      return;
    }
    setReasonError('');
    act('reopen', 'request.reopen', { reason: reason.trim() }, '已退回，等待重新办理').then(() => setReason(''));
  };

  if (!detail) {
    return <View className='page'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }
  const { request, can } = detail;

  const actions = (can.confirm || can.reopen) && (
        <View className='card action-card'>
          <View className='card__title'>请对办理结果进行评价</View>
          {can.confirm && (
            <View>
              <View className='score'>
                <Rate value={score} onChange={(v) => setScore(Math.max(1, v))} />
                <Text className='score__word'>{SCORE_WORDS[score]}</Text>
              </View>
              <TextArea
                className='form-textarea'
                placeholder='说说您的感受（选填）'
                value={comment}
                maxLength={200}
                rows={3}
                onChange={setComment}
              />
              <View className='actions'>
                <Button type='primary' size='large' block loading={busy === 'confirm'} onClick={confirm}>
                  确认并评价
                </Button>
              </View>
            </View>
          )}
          {can.reopen && (
            <View className='reopen'>
              <View className='reopen__title'>问题没有解决？</View>
              <TextArea
                className='form-textarea'
                placeholder='请说明未解决的原因，将重新交由承办人员办理'
                value={reason}
                maxLength={500}
                rows={3}
                onChange={(v) => {
                  setReason(v);
                  if (v.trim()) setReasonError('');
                }}
              />
              {reasonError && <View className='field__error'>{reasonError}</View>}
              <View className='actions'>
                <Button type='danger' fill='outline' size='large' block loading={busy === 'reopen'} onClick={reopen}>
                  退回重办
                </Button>
              </View>
            </View>
          )}
        </View>
  );

  return (
    <View className='page'>
      <RequestInfo request={request} meta={meta} viewer='enterprise' actions={actions} />
    </View>
  );
}
