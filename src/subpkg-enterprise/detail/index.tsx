import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Rate, TextArea } from '@nutui/nutui-react-taro';
import type { RequestDetail } from '../../shared/api-types';
import { useDetail } from '../../shared/use-detail';
import ActionNote from '../../components/ActionNote';
import RequestInfo from '../../components/RequestInfo';
import { ErrorState, Loading } from '../../components/StateView';
import { AttachmentUploader, useAttachmentUploads } from '../../components/Attachments';
import './index.css';
import { APPEAL_DAYS, AppealInput, ConfirmInput, NoteInput, ReopenInput, SupplementInput } from '../../../core/contract/handling';
import { confirmAction } from '../../shared/confirm';
import { problemsOf } from '../../../core/contract/schema';
import CallButton from '../../components/CallButton';
import MergedPanel from '../../components/MergedPanel';

const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** What the handler asked for when pausing: the latest pause event's text, if the timeline has one. */
function pauseReason(r: RequestDetail): string {
  const events = [...r.timeline].sort((a, b) => b.seq - a.seq);
  const e = events.find((ev) => /pause/i.test(ev.type));
  // the server writes "需企业补充材料：<reason>（暂停计时）"; keep the reason
  return (e?.text ?? '').replace(/^需企业补充材料[：:]\s*/, '').replace(/（暂停计时）$/, '');
}

export default function EnterpriseDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  // chosen, never defaulted: no star until the enterprise picks one
  const [score, setScore] = useState(0);
  const [scoreError, setScoreError] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [supplement, setSupplement] = useState('');
  const [supplementError, setSupplementError] = useState('');
  // photos and files (盖章 letters, lists) on the supplement
  const uploads = useAttachmentUploads();
  // 补充说明 on an open request (opened from the submit page's "similar request" with ?note=1)
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const [noteOpen, setNoteOpen] = useState(params.note === '1');
  const noteUploads = useAttachmentUploads();
  const [appeal, setAppeal] = useState('');
  const [appealError, setAppealError] = useState('');

  const { detail, meta, error, busy, load, act } = useDetail('request.get', { id });

  const submitSupplement = async () => {
    if (!uploads.settled()) return;
    // the server's own schema (core/contract/handling.ts): the same rules and words before sending
    const problems = problemsOf(SupplementInput, { id, note: supplement, attachments: uploads.items });
    const problem = problems.note ?? Object.values(problems)[0];
    if (problem) {
      setSupplementError(problem);
      return;
    }
    setSupplementError('');
    const ok = await act(
      'supplement',
      'request.supplement',
      { note: supplement.trim(), attachments: uploads.items },
      '材料已提交，恢复办理',
    );
    if (ok) {
      setSupplement('');
      uploads.clear();
    }
  };

  const submitNote = async () => {
    if (!noteUploads.settled()) return;
    const problems = problemsOf(NoteInput, { id, note, attachments: noteUploads.items });
    const problem = problems.note ?? Object.values(problems)[0];
    if (problem) {
      setNoteError(problem);
      return;
    }
    setNoteError('');
    const ok = await act('note', 'request.note', { note: note.trim(), attachments: noteUploads.items }, '已补充说明，承办人员会看到');
    if (ok) {
      setNote('');
      noteUploads.clear();
      setNoteOpen(false);
    }
  };

  const confirm = () => {
    // no star chosen is no score at all (the server's '请为办理结果打分')
    const problems = problemsOf(ConfirmInput, { id, score: score || undefined, comment });
    const problem = problems.score ?? Object.values(problems)[0];
    if (problem) {
      setScoreError(problem);
      Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    act('confirm', 'request.confirm', { score, comment: comment.trim() || undefined }, '感谢您的评价');
  };

  const editReason = (v: string) => {
    setReason(v);
    if (v.trim()) setReasonError('');
  };
  const reopen = () => {
    const problem = problemsOf(ReopenInput, { id, reason }).reason;
    if (problem) {
      setReasonError(problem);
      return;
    }
    setReasonError('');
    act('reopen', 'request.reopen', { reason: reason.trim() }, '已退回，等待重新办理').then(() => setReason(''));
  };

  const urge = async () => {
    const ok = await Taro.showModal({
      title: '催办',
      content: '将提醒承办人员和调度中心尽快办理，每天可催办一次。确认催办？',
      confirmText: '确认催办',
    }).catch(() => ({ confirm: false }));
    if (ok.confirm) act('urge', 'request.urge', {}, '已催办，承办人员和调度中心会尽快处理');
  };

  const submitAppeal = async () => {
    const problem = problemsOf(AppealInput, { id, reason: appeal }).reason;
    setAppealError(problem ?? '');
    if (problem) return;
    // one appeal per request: the desk's second answer stands
    const sure = await confirmAction({ title: '提出申诉', content: '每件诉求只能申诉一次，调度中心将重新审核并告知结果。确认提交？', confirmText: '提交申诉' });
    if (!sure) return;
    if (await act('appeal', 'request.appeal', { reason: appeal.trim() }, '已提交申诉，调度中心将重新审核')) setAppeal('');
  };

  if (!detail) {
    return <View className='page'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }
  const { request, can } = detail;
  const handler = detail.contacts?.handler;
  // 催办 and 一键拨打: the enterprise chases its request without knowing whom to ask
  const open = !['resolved', 'closed', 'rejected'].includes(request.status);
  const chaseCard = (can.urge || (open && handler?.phone)) && (
    <View className='card chase'>
      <View className='chase__row'>
        <View className='chase__who'>
          <Text className='chase__label'>承办人</Text>
          <Text className='chase__name'>{handler?.name ?? request.assigneeName ?? '等待分派'}</Text>
        </View>
        {handler?.phone && <CallButton phone={handler.phone} label='一键拨打' />}
      </View>
      {can.urge && (
        <View className='actions'>
          <Button type='warning' size='large' block loading={busy === 'urge'} onClick={urge}>
            催办
          </Button>
        </View>
      )}
    </View>
  );

  const appealCard = can.appeal && (
    <View className='card action-card'>
      <ActionNote
        className='appeal'
        title='对不予受理有异议？'
        titleClassName='reopen__title'
        note={{ placeholder: `请说明申诉理由，不予受理后 ${APPEAL_DAYS} 日内可申诉一次`, value: appeal, maxLength: 500, rows: 3, onChange: (v) => { setAppeal(v); if (v.trim()) setAppealError(''); } }}
        error={appealError}
        label='提出申诉'
        type='primary'
        fill='outline'
        loading={busy === 'appeal'}
        onClick={submitAppeal}
      />
    </View>
  );

  const asked = pauseReason(request);
  const supplementCard = can.supplement && (
    <View className='card action-card action-card--supplement'>
      <View className='card__title'>补充材料</View>
      <View className='supplement__ask'>
        {asked ? `承办人员需要您补充：${asked}` : '承办人员需要您补充材料，补充后将继续办理。'}
      </View>
      <WordsAndFiles
        placeholder='说明补充的材料或情况'
        maxLength={500}
        value={supplement}
        onChange={(v) => {
          setSupplement(v);
          if (v.trim()) setSupplementError('');
        }}
        error={supplementError}
        uploads={uploads}
        busy={busy === 'supplement'}
        onSubmit={submitSupplement}
        submitText='提交补充材料'
      />
    </View>
  );

  const noteCard = can.note && (
    <View className='card action-card action-card--note'>
      {!noteOpen ? (
        <View className='note__open' onClick={() => setNoteOpen(true)}>问题有新情况？补充说明 ›</View>
      ) : (
        <>
          <View className='card__title'>补充说明</View>
          <View className='muted small'>同一问题不必重复提交，补充的内容会告知承办人员。</View>
          <WordsAndFiles
            placeholder='补充问题的新情况、新进展或材料'
            maxLength={1000}
            value={note}
            onChange={(v) => {
              setNote(v);
              if (v.trim()) setNoteError('');
            }}
            error={noteError}
            uploads={noteUploads}
            busy={busy === 'note'}
            onSubmit={submitNote}
            submitText='提交补充说明'
          />
        </>
      )}
    </View>
  );

  const evaluateCard = (can.confirm || can.reopen) && (
        <View className='card action-card'>
          <View className='card__title'>请对办理结果进行评价</View>
          {can.confirm && (
            <View>
              <View className='score'>
                <Rate
                  value={score}
                  onChange={(v) => {
                    setScore(Math.max(1, v));
                    setScoreError('');
                  }}
                />
                <Text className={score ? 'score__word' : 'score__hint'}>{score ? SCORE_WORDS[score] : '请点选星级'}</Text>
              </View>
              {scoreError && <View className='field__error score__error'>{scoreError}</View>}
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
            <ActionNote
              className='reopen'
              title='问题没有解决？'
              titleClassName='reopen__title'
              note={{ placeholder: '请说明未解决的原因，将重新交由承办人员办理', value: reason, maxLength: 500, rows: 3, onChange: editReason }}
              error={reasonError}
              label='退回重办'
              type='danger'
              fill='outline'
              loading={busy === 'reopen'}
              onClick={reopen}
            />
          )}
        </View>
  );

  // 并件: handled together with the same problem reported by other enterprises; it follows the main
  const mergedCard = detail.merge?.kind === 'linked' && <MergedPanel merge={detail.merge} viewer='enterprise' />;

  return (
    <View className='page'>
      <RequestInfo
        request={request}
        meta={meta}
        viewer='enterprise'
        actions={
          (mergedCard || supplementCard || evaluateCard || chaseCard || appealCard || noteCard) && (
            <>
              {mergedCard}
              {appealCard}
              {chaseCard}
              {supplementCard}
              {noteCard}
              {evaluateCard}
            </>
          )
        }
      />
    </View>
  );
}

/** the enterprise's words and files to a request (补充材料, 补充说明): the text, its error, the uploader, the button */
function WordsAndFiles(p: {
  placeholder: string;
  maxLength: number;
  value: string;
  onChange: (v: string) => void;
  error: string;
  uploads: ReturnType<typeof useAttachmentUploads>;
  busy: boolean;
  onSubmit: () => void;
  submitText: string;
}) {
  return (
    <>
      <TextArea className='form-textarea' placeholder={p.placeholder} value={p.value} maxLength={p.maxLength} rows={3} onChange={p.onChange} />
      {p.error && <View className='field__error'>{p.error}</View>}
      <AttachmentUploader uploads={p.uploads} label='补充附件' />
      <View className='actions'>
        <Button type='primary' size='large' block loading={p.busy} onClick={p.onSubmit}>
          {p.submitText}
        </Button>
      </View>
    </>
  );
}
