import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Permissions, RequestDetail } from '../../shared/api-types';
import { useDetail } from '../../shared/use-detail';
import { offerTopUp } from '../../services/subscribe';
import ActionNote from '../../components/ActionNote';
import RequestInfo from '../../components/RequestInfo';
import { ErrorState, Loading } from '../../components/StateView';
import { PauseInput, ProgressInput, ResolveInput } from '../../../core/contract/handling';
import { problemsOf } from '../../../core/contract/schema';
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

  // each form is checked with the server's own schema (core/contract/handling.ts): the same rules and words
  const addProgress = async () => {
    const problem = problemsOf(ProgressInput, { id, note }).note;
    if (problem) return setFormError({ note: problem });
    setFormError({});
    if (await act('progress', 'request.progress', { note: note.trim() }, '进展已记录')) setNote('');
  };

  const resolve = async () => {
    const problem = problemsOf(ResolveInput, { id, result }).result;
    if (problem) return setFormError({ result: problem });
    setFormError({});
    if (await act('resolve', 'request.resolve', { result: result.trim() }, '结果已反馈给企业')) setResult('');
  };

  const pause = async () => {
    const problem = problemsOf(PauseInput, { id, reason: pauseReason }).reason;
    if (problem) return setFormError({ pause: problem });
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
      {can.accept && <ActionNote hint='接单后即开始办理，企业会同步收到通知。' label='签收' loading={busy === 'accept'} onClick={accept} />}
      {can.progress && (
        <ActionNote
          note={{ placeholder: '记录联系企业、现场查看、协调部门等进展', value: note, maxLength: 500, rows: 3, onChange: setNote }}
          error={formError.note}
          label='添加进展'
          fill='outline'
          loading={busy === 'progress'}
          onClick={addProgress}
        />
      )}
      {can.resolve && (
        <ActionNote
          note={{ placeholder: '填写办理结果，将反馈给企业评价', value: result, maxLength: 1000, rows: 4, onChange: setResult }}
          error={formError.result}
          label='办结'
          loading={busy === 'resolve'}
          onClick={resolve}
        />
      )}
      {can.pause && (
        <ActionNote
          title='需补充材料'
          hint='材料不全无法办理时，可要求企业补充；补充期间暂停计时。'
          note={{ placeholder: '说明需要企业补充的材料', value: pauseReason, maxLength: 300, rows: 3, onChange: setPauseReason, className: 'form-textarea action-block__input' }}
          error={formError.pause}
          label='要求补充材料'
          type='warning'
          fill='outline'
          loading={busy === 'pause'}
          onClick={pause}
        />
      )}
      {can.resume && (
        <ActionNote
          hint='已收到补充材料或无需再等待时，恢复办理并继续计时。'
          note={{ placeholder: '说明恢复办理的情况（选填）', value: resumeNote, maxLength: 300, rows: 2, onChange: setResumeNote, className: 'form-textarea action-block__input' }}
          label='恢复办理'
          loading={busy === 'resume'}
          onClick={resume}
        />
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
