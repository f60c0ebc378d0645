import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { confirmAction, showTop } from '../../shared/confirm';
import { formatTime } from '../../shared/format';
import { useDetail } from '../../shared/use-detail';
import CardInfo, { PARTY_STATE, partyState } from '../../components/CardInfo';
import ActionNote from '../../components/ActionNote';
import SubmitButton from '../../components/SubmitButton';
import RequestInfo from '../../components/RequestInfo';
import Field from '../../components/Field';
import { Chips } from '../../components/Select';
import { ErrorState, Loading } from '../../components/StateView';
import { RESULT_KINDS, type ResultKind } from '../../../core/contract/catalog';
import { UNSOLVABLE_REASON } from '../../../core/contract/handling';
import { AttachmentUploader, useAttachmentUploads } from '../../components/Attachments';
import './index.css';

const KINDS = (Object.keys(RESULT_KINDS) as ResultKind[]).map((k) => ({ value: k, label: RESULT_KINDS[k] }));

/** the action cards of this page: each a card of its own */
const CARD = { className: 'card action-card', titleClassName: 'card__title' };

type Form = 'reply' | 'progress' | 'final' | 'reason';

/**
 * A department's supervision card (督办卡): accept (接收) or return (退回) first; then a
 * co-operating department gives its opinion (协办意见), and the lead reports progress (办理进展)
 * and, once every co-operating department has answered, gives the final answer (最终答复) after
 * confirming it goes to the enterprise as the result.
 */
export default function DeptCardPage() {
  const { params } = useRouter();
  const cardId = params.cardId ?? '';
  const [text, setText] = useState<Record<Form, string>>({ reply: '', progress: '', final: '', reason: '' });
  const [formError, setFormError] = useState<Partial<Record<Form | 'kind' | 'unsolved', string>>>({});
  const set = (k: Form) => (v: string) => setText((t) => ({ ...t, [k]: v }));

  // the final answer resolves the request: the same result type as an officer's 办结, chosen, never defaulted
  const [kind, setKind] = useState<ResultKind | ''>('');
  const [unsolvedReason, setUnsolvedReason] = useState('');

  const { detail, meta, error, busy, load, act } = useDetail('card.get', { cardId });
  // each reply keeps its own attachments (盖章 letters, 现场照片)
  const files = { reply: useAttachmentUploads(), progress: useAttachmentUploads(), final: useAttachmentUploads() };

  /** an action done in place: then back to the top, where the card's new state shows */
  const run: typeof act = async (...a) => {
    const ok = await act(...a);
    if (ok) showTop();
    return ok;
  };

  /** checks the text of one form; runs the action and clears the form when it went through */
  const send = async (form: Form, what: string, go: (v: string) => Promise<boolean>) => {
    const attached = form === 'reason' ? null : files[form];
    if (attached && !attached.settled()) return;
    const v = text[form].trim();
    if (v.length < 2) return setFormError({ [form]: `请填写${what}（至少2个字）` });
    setFormError({});
    if (await go(v)) {
      setText((t) => ({ ...t, [form]: '' }));
      attached?.clear();
    }
  };

  const accept = () => run('accept', 'card.accept', {}, '已接收，请按时限办理');
  const reply = () => send('reply', '协办意见', (v) => run('reply', 'card.reply', { reply: v, attachments: files.reply.items }, '协办意见已送牵头部门'));
  const progress = () => send('progress', '办理进展', (v) => run('progress', 'card.progress', { note: v, attachments: files.progress.items }, '办理进展已记录'));
  const final = () => {
    const missing = {
      kind: kind ? undefined : '请选择办理结果类型',
      unsolved: kind === 'unsolvable' && unsolvedReason.trim().length < 2 ? UNSOLVABLE_REASON : undefined,
    };
    if (missing.kind || missing.unsolved) {
      setFormError({ ...missing, ...(text.final.trim().length < 2 ? { final: '请填写最终答复（至少2个字）' } : {}) });
      return;
    }
    return send('final', '最终答复', async (v) => {
      const sure = await confirmAction({
        title: '最终答复',
        content: `将以“${RESULT_KINDS[kind as ResultKind]}”作最终答复：答复作为办理结果反馈企业评价，本件随即办结，提交后不能修改。`,
        confirmText: '确认答复',
      });
      if (!sure) return false;
      const fields = { answer: v, confirm: true as const, kind: kind as ResultKind, ...(kind === 'unsolvable' ? { reason: unsolvedReason.trim() } : {}), attachments: files.final.items };
      const ok = await run('final', 'card.final', fields, '已最终答复，办理结果已反馈企业');
      if (ok) {
        setKind('');
        setUnsolvedReason('');
      }
      return ok;
    });
  };
  const giveBack = () =>
    send('reason', '退回原因', async (v) => {
      // a returned card leaves this department for good: the dispatcher sends it on
      const sure = await confirmAction({
        title: '退回督办卡',
        content: '督办卡将退回调度中心重新派发，本部门不再办理此件，退回后不能撤销。',
        confirmText: '确认退回',
        danger: true,
      });
      return sure && run('return', 'card.return', { reason: v }, '已退回调度中心');
    });

  if (!detail) {
    return <View className='page'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }
  const { card, request, can, mine } = detail;
  const party = card.parties.find((p) => p.deptId === mine?.deptId);
  const lead = mine?.role === 'lead';
  const waiting = card.parties.filter((p) => p.role === 'co' && (p.status === 'issued' || p.status === 'accepted'));
  const leadWorking = lead && card.status === 'open' && party?.status === 'accepted';
  const acceptOverdue = party ? partyState(party) === 'overdue' : false;

  return (
    <View className='page dept-card'>
      <CardInfo card={card} mine={mine?.deptId} />

      {can.accept && (
        <View className='card action-card' id='card-accept'>
          <View className='card__title'>接收督办卡</View>
          <View className={`muted small${acceptOverdue ? ' dept-card__late' : ''}`}>
            {party?.acceptDueAt ? `请于 ${formatTime(party.acceptDueAt)} 前接收${acceptOverdue ? '，已逾期，接收时间将如实记录' : ''}。` : ''}
            接收后{lead ? '由本部门牵头办理，在办理时限' : '请提交协办意见，在办理时限'}（{card.deadline}）前反馈，调度中心全程督办。
          </View>
          <SubmitButton busy={busy === 'accept'} onClick={accept}>
            接收
          </SubmitButton>
        </View>
      )}

      {can.reply && (
        <ActionNote
          {...CARD}
          id='card-reply'
          title='协办意见'
          hint='意见送牵头部门，由牵头部门汇总后作最终答复。'
          note={{ placeholder: '填写本部门的核查情况和办理意见', value: text.reply, maxLength: 2000, rows: 4, onChange: set('reply') }}
          error={formError.reply}
          label='提交协办意见'
          loading={busy === 'reply'}
          onClick={reply}
        >
          <AttachmentUploader uploads={files.reply} />
        </ActionNote>
      )}

      {can.progress && (
        <ActionNote
          {...CARD}
          id='card-progress'
          title='办理进展'
          hint='可多次填报，调度中心和企业可见；办结请用下方「最终答复」。'
          note={{ placeholder: '填写目前的办理进展', value: text.progress, maxLength: 1000, rows: 3, onChange: set('progress') }}
          error={formError.progress}
          label='添加进展'
          fill='outline'
          loading={busy === 'progress'}
          onClick={progress}
        >
          <AttachmentUploader uploads={files.progress} />
        </ActionNote>
      )}

      {leadWorking && (
        <View className='card action-card action-card--final' id='card-final'>
          <View className='card__title'>最终答复</View>
          {waiting.length > 0 ? (
            <View className='dept-card__waiting'>
              <View>协办部门反馈后才能作最终答复，尚待：</View>
              {waiting.map((p) => (
                <View key={p.deptId} className='dept-card__waiting-item'>
                  <Text>{p.deptName}</Text>
                  <Text className={`party__status--${partyState(p)}`}>（{PARTY_STATE[partyState(p)]}）</Text>
                </View>
              ))}
              <View className='muted small'>如协办部门无法反馈，请联系调度中心结束其协办。</View>
            </View>
          ) : (
            <>
              <View className='muted small'>最终答复将作为办理结果反馈企业，企业据此评价。</View>
              <Field label='结果类型' required error={formError.kind}>
                <Chips options={KINDS} value={kind as ResultKind} onChange={(k) => { setKind(k); setFormError((e) => ({ ...e, kind: undefined, unsolved: undefined })); }} />
              </Field>
              <TextArea className='form-textarea' placeholder='填写办理结果，将作为最终答复反馈企业' value={text.final} maxLength={2000} rows={4} onChange={set('final')} />
              {formError.final && <View className='field__error'>{formError.final}</View>}
              {kind === 'unsolvable' && (
                <Field label='无法解决的原因' required error={formError.unsolved}>
                  <TextArea className='form-textarea' placeholder='说明无法解决的原因，如超出职权、政策不允许，将告知企业' value={unsolvedReason} maxLength={300} rows={3} onChange={setUnsolvedReason} />
                </Field>
              )}
              <AttachmentUploader uploads={files.final} label='答复附件' />
            </>
          )}
          <SubmitButton disabled={!can.final} busy={busy === 'final'} onClick={final}>
            最终答复
          </SubmitButton>
        </View>
      )}

      {can.return && (
        <ActionNote
          {...CARD}
          className='card action-card action-card--return'
          id='card-return'
          title='非本部门职责，退回调度'
          note={{ placeholder: '说明退回原因，如应由哪个部门办理', value: text.reason, maxLength: 500, rows: 3, onChange: set('reason') }}
          error={formError.reason}
          label='退回'
          type='danger'
          fill='outline'
          loading={busy === 'return'}
          onClick={giveBack}
        />
      )}

      <RequestInfo request={request} meta={meta} viewer='officer' />
    </View>
  );
}
