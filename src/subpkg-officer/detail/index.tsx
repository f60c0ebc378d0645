import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { Permissions, RequestDetail } from '../../shared/api-types';
import { useDetail } from '../../shared/use-detail';
import { offerTopUp } from '../../services/subscribe';
import RequestInfo from '../../components/RequestInfo';
import { ErrorState, Loading } from '../../components/StateView';
import OfficerObjections, { type ObjectionCan } from './objections';

type Detail = { request: RequestDetail; can: Permissions & ObjectionCan };

export default function OfficerDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [note, setNote] = useState('');
  const [result, setResult] = useState('');
  const [pauseReason, setPauseReason] = useState('');
  const [resumeNote, setResumeNote] = useState('');
  const [formError, setFormError] = useState<{ note?: string; result?: string; pause?: string }>({});

  const { detail, meta, error, busy, load, act } = useDetail<Detail>('request.get', { id });

  const accept = () => {
    offerTopUp('newAssignment'); // keep hearing about new assignments (asks only when low); inside the tap on purpose
    act('accept', 'request.accept', {}, '已接单，请尽快办理');
  };

  const addProgress = async () => {
    if (!note.trim()) return setFormError({ note: '请填写办理进展' });
    setFormError({});
    if (await act('progress', 'request.progress', { note: note.trim() }, '进展已记录')) setNote('');
  };

  const resolve = async () => {
    if (!result.trim()) return setFormError({ result: '请填写办理结果' });
    setFormError({});
    if (await act('resolve', 'request.resolve', { result: result.trim() }, '结果已反馈给企业')) setResult('');
  };

  const pause = async () => {
    if (pauseReason.trim().length < 2) return setFormError({ pause: '请说明需要企业补充的材料（至少2个字）' });
    setFormError({});
    if (await act('pause', 'request.pause', { reason: pauseReason.trim() }, '已通知企业补充材料，计时暂停')) setPauseReason('');
  };

  const resume = async () => {
    setFormError({});
    if (await act('resume', 'request.resume', { note: resumeNote.trim() }, '已恢复办理，继续计时')) setResumeNote('');
  };

  if (!detail) {
    return <View className='page'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }
  const { request, can } = detail;

  const actions = (can.accept || can.progress || can.resolve || can.pause || can.resume) && (
    <View className='card'>
      <View className='card__title'>办理操作</View>
      {can.accept && (
        <View className='action-block'>
          <View className='muted small'>接单后即开始办理，企业会同步收到通知。</View>
          <View className='actions'>
            <Button type='primary' size='large' block loading={busy === 'accept'} onClick={accept}>
              签收
            </Button>
          </View>
        </View>
      )}
      {can.progress && (
        <View className='action-block'>
          <TextArea
            className='form-textarea'
            placeholder='记录联系企业、现场查看、协调部门等进展'
            value={note}
            maxLength={500}
            rows={3}
            onChange={setNote}
          />
          {formError.note && <View className='field__error'>{formError.note}</View>}
          <View className='actions'>
            <Button type='primary' fill='outline' size='large' block loading={busy === 'progress'} onClick={addProgress}>
              添加进展
            </Button>
          </View>
        </View>
      )}
      {can.resolve && (
        <View className='action-block'>
          <TextArea
            className='form-textarea'
            placeholder='填写办理结果，将反馈给企业评价'
            value={result}
            maxLength={1000}
            rows={4}
            onChange={setResult}
          />
          {formError.result && <View className='field__error'>{formError.result}</View>}
          <View className='actions'>
            <Button type='primary' size='large' block loading={busy === 'resolve'} onClick={resolve}>
              办结
            </Button>
          </View>
        </View>
      )}
      {can.pause && (
        <View className='action-block'>
          <View className='action-block__title'>需补充材料</View>
          <View className='muted small'>材料不全无法办理时，可要求企业补充；补充期间暂停计时。</View>
          <TextArea
            className='form-textarea action-block__input'
            placeholder='说明需要企业补充的材料'
            value={pauseReason}
            maxLength={300}
            rows={3}
            onChange={setPauseReason}
          />
          {formError.pause && <View className='field__error'>{formError.pause}</View>}
          <View className='actions'>
            <Button type='warning' fill='outline' size='large' block loading={busy === 'pause'} onClick={pause}>
              要求补充材料
            </Button>
          </View>
        </View>
      )}
      {can.resume && (
        <View className='action-block'>
          <View className='muted small'>已收到补充材料或无需再等待时，恢复办理并继续计时。</View>
          <TextArea
            className='form-textarea action-block__input'
            placeholder='说明恢复办理的情况（选填）'
            value={resumeNote}
            maxLength={300}
            rows={2}
            onChange={setResumeNote}
          />
          <View className='actions'>
            <Button type='primary' size='large' block loading={busy === 'resume'} onClick={resume}>
              恢复办理
            </Button>
          </View>
        </View>
      )}
    </View>
  );

  return (
    <View className='page'>
      <RequestInfo
        request={request}
        meta={meta}
        viewer='officer'
        actions={<>{actions}<OfficerObjections request={request} can={can} act={act} busy={busy} /></>}
      />
    </View>
  );
}
