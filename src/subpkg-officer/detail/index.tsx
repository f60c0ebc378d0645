import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useDetail } from '../../shared/use-detail';
import { confirmAction, showTop } from '../../shared/confirm';
import { offerTopUp } from '../../services/subscribe';
import ActionNote from '../../components/ActionNote';
import Field from '../../components/Field';
import RequestInfo from '../../components/RequestInfo';
import EnterpriseContact from '../../components/EnterpriseContact';
import Segmented from '../../components/Segmented';
import { Chips } from '../../components/Select';
import { ErrorState, Loading } from '../../components/StateView';
import { RESULT_KINDS, type ResultKind } from '../../../core/contract/catalog';
import { PauseInput, ProgressInput, ResolveInput, UNSOLVABLE_REASON } from '../../../core/contract/handling';
import type { ActionName } from '../../../core/contract/actions';
import { problemsOf } from '../../../core/contract/schema';
import OfficerObjections from './objections';
import { AttachmentUploader, useAttachmentUploads } from '../../components/Attachments';


/** the handler's three forms while working a request: one open at a time */
type Form = 'progress' | 'resolve' | 'pause';
const FORMS: { value: Form; label: string }[] = [
  { value: 'progress', label: '进展' },
  { value: 'resolve', label: '办结' },
  { value: 'pause', label: '补充材料' },
];
const KINDS = (Object.keys(RESULT_KINDS) as ResultKind[]).map((k) => ({ value: k, label: RESULT_KINDS[k] }));

export default function OfficerDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [form, setForm] = useState<Form>('progress');
  const [note, setNote] = useState('');
  const [result, setResult] = useState('');
  // chosen, never defaulted: the handler says what the answer did
  const [kind, setKind] = useState<ResultKind | ''>('');
  const [unsolvedReason, setUnsolvedReason] = useState('');
  const [pauseReason, setPauseReason] = useState('');
  const [resumeNote, setResumeNote] = useState('');
  const [formError, setFormError] = useState<{ note?: string; result?: string; kind?: string; reason?: string; pause?: string }>({});

  const { detail, meta, error, busy, load, act } = useDetail('request.get', { id });
  // 现场照片, a 盖章 letter: each form keeps its own
  const progressFiles = useAttachmentUploads();
  const resultFiles = useAttachmentUploads();

  /** an action done in place: then back to the top, where the new status shows */
  const run = async (name: string, action: ActionName, fields: object, done: string) => {
    const ok = await act(name, action, fields, done);
    if (ok) showTop();
    return ok;
  };

  const accept = () => {
    offerTopUp('newAssignment'); // keep hearing about new assignments (asks only when low); inside the tap on purpose
    run('accept', 'request.accept', {}, '已接单，请尽快办理');
  };

  // each form is checked with the server's own schema (core/contract/handling.ts): the same rules and words
  const addProgress = async () => {
    if (!progressFiles.settled()) return;
    const problems = problemsOf(ProgressInput, { id, note, attachments: progressFiles.items });
    const problem = problems.note ?? Object.values(problems)[0];
    if (problem) return setFormError({ note: problem });
    setFormError({});
    if (await run('progress', 'request.progress', { note: note.trim(), attachments: progressFiles.items }, '进展已记录')) {
      setNote('');
      progressFiles.clear();
    }
  };

  const resolve = async () => {
    if (!resultFiles.settled()) return;
    const problems = problemsOf(ResolveInput, { id, result, kind: kind || undefined, reason: unsolvedReason, attachments: resultFiles.items });
    const errors = {
      kind: kind ? undefined : '请选择办理结果类型',
      result: problems.result ?? Object.entries(problems).find(([k]) => k.startsWith('attachments'))?.[1],
      reason: kind === 'unsolvable' && unsolvedReason.trim().length < 2 ? UNSOLVABLE_REASON : problems.reason,
    };
    setFormError(errors);
    if (!kind || errors.result || errors.reason) return;
    // 办结 cannot be undone: the answer goes to the enterprise, which scores it
    const sure = await confirmAction({
      title: '办结',
      content: `将以“${RESULT_KINDS[kind]}”办结本诉求，办理结果立即反馈企业评价，办结后不能再修改或添加进展。`,
      confirmText: '确认办结',
    });
    if (!sure) return;
    const fields = { result: result.trim(), kind, ...(kind === 'unsolvable' ? { reason: unsolvedReason.trim() } : {}), attachments: resultFiles.items };
    if (await run('resolve', 'request.resolve', fields, '结果已反馈给企业')) {
      resultFiles.clear();
      setResult('');
      setKind('');
      setUnsolvedReason('');
    }
  };

  const pause = async () => {
    const problem = problemsOf(PauseInput, { id, reason: pauseReason }).reason;
    if (problem) return setFormError({ pause: problem });
    setFormError({});
    if (await run('pause', 'request.pause', { reason: pauseReason.trim() }, '已通知企业补充材料，计时暂停')) setPauseReason('');
  };

  const resume = async () => {
    setFormError({});
    if (await run('resume', 'request.resume', { note: resumeNote.trim() }, '已恢复办理，继续计时')) setResumeNote('');
  };

  if (!detail) {
    return <View className='page'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }
  const { request, can } = detail;
  const forms = FORMS.filter((f) => can[f.value]);
  const open = forms.some((f) => f.value === form) ? form : forms[0]?.value;
  const choose = (f: Form) => {
    setFormError({});
    setForm(f);
  };

  const actions = (can.accept || forms.length > 0 || can.resume) && (
    <View className='card'>
      <View className='card__title'>办理操作</View>
      {can.accept && <ActionNote hint='接单后即开始办理，企业会同步收到通知。' label='签收' loading={busy === 'accept'} onClick={accept} />}
      {forms.length > 1 && <Segmented options={forms} value={open!} onChange={choose} />}
      {open === 'progress' && (
        <View className='action-block' id='progress-form'>
          <View className='muted small'>进展会同步给企业，可多次填写；可附现场照片、盖章函件等。</View>
          <TextArea className='form-textarea' placeholder='记录联系企业、现场查看、协调部门等进展' value={note} maxLength={500} rows={3} onChange={setNote} />
          {formError.note && <View className='field__error'>{formError.note}</View>}
          <AttachmentUploader uploads={progressFiles} />
          <View className='actions'>
            <Button type='primary' size='large' block loading={busy === 'progress'} onClick={addProgress}>
              添加进展
            </Button>
          </View>
        </View>
      )}
      {open === 'resolve' && (
        <View className='action-block' id='resolve-form'>
          <View className='muted small'>办结后办理结果反馈企业评价，不能再修改。</View>
          <Field label='结果类型' required error={formError.kind}>
            <Chips options={KINDS} value={kind as ResultKind} onChange={(k) => { setKind(k); setFormError((e) => ({ ...e, kind: undefined, reason: undefined })); }} />
          </Field>
          <Field label='办理结果' required error={formError.result}>
            <TextArea className='form-textarea' placeholder='填写办理结果，将反馈给企业评价' value={result} maxLength={1000} rows={4} onChange={setResult} />
          </Field>
          {kind === 'unsolvable' && (
            <Field label='无法解决的原因' required error={formError.reason}>
              <TextArea className='form-textarea' placeholder='说明无法解决的原因，如超出职权、政策不允许，将告知企业' value={unsolvedReason} maxLength={300} rows={3} onChange={setUnsolvedReason} />
            </Field>
          )}
          <AttachmentUploader uploads={resultFiles} label='办结附件' />
          <View className='actions'>
            <Button type='primary' size='large' block loading={busy === 'resolve'} onClick={resolve}>
              办结
            </Button>
          </View>
        </View>
      )}
      {open === 'pause' && (
        <ActionNote
          hint='材料不全无法办理时，可要求企业补充；补充期间暂停计时。'
          note={{ placeholder: '说明需要企业补充的材料', value: pauseReason, maxLength: 300, rows: 3, onChange: setPauseReason, className: 'form-textarea action-block__input' }}
          error={formError.pause}
          label='要求补充材料'
          type='warning'
          onClick={pause}
          loading={busy === 'pause'}
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
        actions={<>{detail.contacts?.enterprise && <EnterpriseContact contact={detail.contacts.enterprise} />}{actions}<OfficerObjections request={request} can={can} act={run} busy={busy} /></>}
      />
    </View>
  );
}
