/** Officer detail: 退回改派 (a wrong assignment, within its window) and 延期申请 (before the deadline), with their records. */
import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import type { Permissions, RequestDetail } from '../../shared/api-types';
import { addDays, beijingToday, formatDate, formatTime } from '../../shared/format';
import { ROUTES } from '../../shared/routes';
import { confirmAction } from '../../shared/confirm';
import { ApiError, callService, toastError } from '../../services/call';
import type { ActionName } from '../../../core/contract/actions';
import Field, { fieldErrors } from '../../components/Field';
import { DateInput } from '../../components/Select';
import ExtensionRecords from '../../components/Extensions';
import SubmitButton from '../../components/SubmitButton';
import { AskExtensionInput, HandBackInput } from '../../../core/contract/handling';
import { MAX_EXTENSION_DAYS } from '../../../core/contract/limits';
import { problemsOf } from '../../../core/contract/schema';

/** request.get's `can`, with the hand-back deadline the server adds while a hand-back is possible */
export type ObjectionCan = Permissions & { handBackUntil?: string };


type Props = {
  request: RequestDetail;
  can: ObjectionCan;
  /** the page's action runner (useDetail's act): toasts and reloads */
  act: (name: string, action: ActionName, fields: object, done: string) => Promise<boolean>;
  busy: string;
};

export default function OfficerObjections({ request: r, can, act, busy }: Props) {
  const [open, setOpen] = useState<'' | 'handBack' | 'extension'>('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [extReason, setExtReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [handingBack, setHandingBack] = useState(false);

  const hasRecords = !!r.extension || !!r.extensions?.length;
  if (!can.handBack && !can.requestExtension && !hasRecords) return null;

  const toggle = (key: 'handBack' | 'extension') => {
    setErrors({});
    setOpen((o) => (o === key ? '' : key));
  };

  const handBack = async () => {
    if (handingBack || busy) return;
    const problems = problemsOf(HandBackInput, { id: r._id, reason });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const sure = await confirmAction({
      title: '退回改派',
      content: '退回后该诉求交由调度员重新分派，办理计时不停止，退回次数计入考核。确认退回？',
      confirmText: '确认退回',
      danger: true,
    });
    if (!sure) return;
    setHandingBack(true);
    try {
      await callService('request.handBack', { id: r._id, reason: reason.trim() });
      Taro.showToast({ title: '已退回调度员改派', icon: 'none' });
      // the request is no longer ours: back to the inbox
      setTimeout(() => {
        if (Taro.getCurrentPages().length > 1) Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.inbox }));
        else Taro.redirectTo({ url: ROUTES.inbox });
      }, 600);
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setErrors(fieldErrors(e.details));
      toastError(e);
    } finally {
      setHandingBack(false);
    }
  };

  // a date after the current deadline's day, at most MAX_EXTENSION_DAYS out
  const dueDate = formatDate(r.dueAt);
  const first = dueDate ? addDays(dueDate, 1) : addDays(beijingToday(), 1);
  const last = addDays(beijingToday(), MAX_EXTENSION_DAYS);
  const askExtension = async () => {
    // the server's schema (core/contract/handling.ts), then the window this request allows
    const e = problemsOf(AskExtensionInput, { id: r._id, date, reason: extReason });
    if (!e.date && date < first) e.date = `须晚于当前办理期限（${dueDate}）`;
    else if (!e.date && date > last) e.date = `最多申请到 ${last}`;
    setErrors(e);
    if (Object.keys(e).length) return;
    if (await act('extension', 'request.extension.ask', { date, reason: extReason.trim() }, '延期申请已提交，等待调度员审批')) {
      setDate('');
      setExtReason('');
      setOpen('');
    }
  };

  return (
    <View className='card officer-objections'>
      <View className='card__title'>退回与延期</View>
      {can.handBack && (
        <Objection
          title='退回改派'
          hint={<>不属于本人网格或职责的诉求，可说明理由退回调度员改派{can.handBackUntil ? `，请在 ${formatTime(can.handBackUntil)} 前提出` : ''}。退回次数计入考核，办理计时不停止。</>}
          type='danger'
          open={open === 'handBack'}
          onOpen={() => toggle('handBack')}
          submit='确认退回'
          busy={handingBack}
          onSubmit={handBack}
        >
          <Field label='退回理由' required error={errors.reason}>
            <TextArea className='form-textarea' placeholder='如：该企业不在本网格，应由××社区办理' value={reason} maxLength={300} rows={3} onChange={setReason} />
          </Field>
        </Objection>
      )}
      {can.requestExtension && (
        <Objection
          title='申请延期'
          hint={`期限内确实无法办结的，可在到期前申请延期，经调度员批准后办理期限顺延${dueDate ? `（当前期限 ${formatTime(r.dueAt)}）` : ''}。`}
          type='primary'
          open={open === 'extension'}
          onOpen={() => toggle('extension')}
          submit='提交延期申请'
          busy={busy === 'extension'}
          onSubmit={askExtension}
        >
          <Field label='延期至' required error={errors.date}>
            <DateInput value={date} start={first} end={last} placeholder='选择延期后的办理期限' onChange={setDate} />
          </Field>
          <Field label='延期理由' required error={errors.reason}>
            <TextArea className='form-textarea' placeholder='说明无法按期办结的原因和后续安排' value={extReason} maxLength={300} rows={3} onChange={setExtReason} />
          </Field>
        </Objection>
      )}
      {hasRecords && (
        <View className='action-block'>
          <ExtensionRecords request={r} title='延期记录' />
        </View>
      )}
    </View>
  );
}

/** one objection: its title and hint, a button that opens its form, then the form and the button that sends it */
function Objection(p: { title: string; hint: ReactNode; type: 'primary' | 'danger'; open: boolean; onOpen: () => void; submit: string; busy: boolean; onSubmit: () => void; children: ReactNode }) {
  return (
    <View className='action-block'>
      <View className='action-block__title'>{p.title}</View>
      <View className='muted small'>{p.hint}</View>
      {p.open ? (
        <View className='action-block__input'>
          {p.children}
          <SubmitButton type={p.type} busy={p.busy} onClick={p.onSubmit}>
            {p.submit}
          </SubmitButton>
        </View>
      ) : (
        <SubmitButton type={p.type} fill='outline' onClick={p.onOpen}>
          {p.title}
        </SubmitButton>
      )}
    </View>
  );
}
