/**
 * Desk detail: 回访. The supervising dispatcher records a callback on a closed request (how the
 * enterprise was reached, how satisfied it is, what it said); the callbacks so far are listed.
 * 不满意 sends the request back to work (重办), so it asks for confirmation first.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { CallbackRecord } from '../../shared/api-types';
import { formatTime } from '../../shared/format';
import { confirmAction } from '../../shared/confirm';
import { callService } from '../../services/call';
import { useForm } from '../../shared/use-form';
import Field from '../../components/Field';
import { Chips } from '../../components/Select';
import type { DeskPartProps } from './part-props';
import { CALLBACK_METHODS, CALLBACK_OUTCOMES } from '../../../core/contract/catalog';
import { CallbackInput } from '../../../core/contract/handling';
import { problemsOf } from '../../../core/contract/schema';
import './callback.css';

type Method = CallbackRecord['method'];
type Outcome = CallbackRecord['outcome'];

const options = <T extends string>(labels: Record<T, string>) => (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
const METHODS = options<Method>(CALLBACK_METHODS);
const OUTCOMES = options<Outcome>(CALLBACK_OUTCOMES);
const label = <T extends string>(list: { value: T; label: string }[], v: T) => list.find((o) => o.value === v)?.label ?? v;
const MAX_NOTE = 500;

export default function CallbackPanel({ detail, reload }: DeskPartProps) {
  const { request: r, can } = detail;
  const callbacks = r.callbacks ?? [];
  // nothing is preselected: the dispatcher says how it went, a tap never records 满意 by default
  const [method, setMethod] = useState<Method | ''>('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const { errors, setErrors, busy, run } = useForm();
  // once called back, another callback (a follow-up) is a deliberate step
  const [again, setAgain] = useState(false);
  if (!can.callback && !callbacks.length) return null;

  const latest = callbacks.length ? callbacks[callbacks.length - 1] : null;
  // 待回访 until a callback reached the enterprise satisfied since it last closed (core/feedback/callback.ts callbackDone)
  const due = r.status === 'closed' && !(r as { callbackDone?: boolean }).callbackDone;

  const submit = async () => {
    if (busy) return;
    // the server's own schema (core/contract/handling.ts): the same rules and words before sending
    const fields = { id: r._id, method: method || undefined, outcome: outcome || undefined, note };
    const e = problemsOf(CallbackInput, fields);
    setErrors(e);
    if (Object.keys(e).length || !method || !outcome) return;
    if (outcome === 'unsatisfied') {
      const sure = await confirmAction({
        title: '将退回重办',
        content: '企业对办理结果不满意：提交后该诉求将退回重办，重新计时，并计入重办次数。确认提交？',
        confirmText: '退回重办',
        danger: true,
      });
      if (!sure) return;
    }
    await run(async () => {
      await callService('callback.record', { id: r._id, method, outcome, ...(note.trim() ? { note: note.trim() } : {}) });
      Taro.showToast({ title: outcome === 'unsatisfied' ? '已记录回访，诉求已退回重办' : '已记录回访', icon: 'none' });
      setMethod('');
      setOutcome('');
      setNote('');
      setAgain(false);
      await reload();
    });
  };

  return (
    <View className='card callback-panel' id='panel-callback'>
      <View className='card__title callback-panel__title'>
        <Text>回访</Text>
        {due && <Text className='callback-tag callback-tag--due'>待回访</Text>}
        {!due && latest && <Text className={`callback-tag callback-tag--${latest.outcome}`}>{`最近：${label(OUTCOMES, latest.outcome)}`}</Text>}
      </View>

      {callbacks.length > 0 && (
        <View className='callback-list'>
          {callbacks
            .slice()
            .reverse()
            .map((c, i) => (
              <View className={`callback-item callback-item--${c.outcome}`} key={`${c.at}-${i}`}>
                <View className='callback-item__head'>
                  <Text className={`callback-tag callback-tag--${c.outcome}`}>{label(OUTCOMES, c.outcome)}</Text>
                  <Text className='callback-item__method'>{label(METHODS, c.method)}</Text>
                  <Text className='callback-item__meta'>{`${c.byName} · ${formatTime(c.at)}`}</Text>
                </View>
                {c.note && <Text className='callback-item__note'>{c.note}</Text>}
                {c.outcome === 'unsatisfied' && <Text className='callback-item__effect'>已退回重办</Text>}
              </View>
            ))}
        </View>
      )}

      {can.callback && !due && !again && (
        <View className='action-panel__buttons'>
          <Button fill='outline' onClick={() => setAgain(true)}>
            再次回访
          </Button>
        </View>
      )}
      {can.callback && (due || again) && (
        <View className='callback-form'>
          <View className='action-panel__hint'>
            办结后回访企业，记录回访方式和企业意见。企业不满意的，诉求退回重办并计入重办次数；未联系上的仍留在待回访中。
          </View>
          <Field label='回访方式' required error={errors.method}>
            <Chips options={METHODS} value={method as Method} onChange={setMethod} />
          </Field>
          <Field label='回访结果' required error={errors.outcome}>
            <Chips options={OUTCOMES} value={outcome as Outcome} onChange={setOutcome} />
          </Field>
          <Field label='回访记录' required={outcome === 'unsatisfied'} error={errors.note}>
            <TextArea
              className='form-textarea'
              placeholder={outcome === 'unsatisfied' ? '企业反映的问题（必填），将交承办人重办' : '企业的意见（选填）'}
              value={note}
              maxLength={MAX_NOTE}
              rows={3}
              onChange={setNote}
            />
          </Field>
          <View className='action-panel__buttons'>
            {again && (
              <Button fill='outline' onClick={() => { setAgain(false); setErrors({}); }}>
                取消
              </Button>
            )}
            <Button type={outcome === 'unsatisfied' ? 'danger' : 'primary'} loading={busy} onClick={submit}>
              {outcome === 'unsatisfied' ? '提交并退回重办' : '提交回访'}
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
