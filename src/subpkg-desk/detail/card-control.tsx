/**
 * Desk detail: the supervision card (督办卡) with every department's state, and the dispatcher's
 * controls: urge (催办) a department or all open ones, close a co-operating department's part
 * (结束协办), change the deadline (调整期限), withdraw the card (撤回). The server checks every
 * call (core/cards/supervision-card.ts: the dispatcher must supervise the request); what is shown
 * here follows the caller's role and the card's state.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { Card, CardParty, Me } from '../../shared/api-types';
import { beijingToday } from '../../shared/format';
import { confirmAction } from '../../shared/confirm';
import { callService } from '../../services/call';
import { useForm } from '../../shared/use-form';
import type { ActionName } from '../../../core/contract/actions';
import { currentMe } from '../../services/profile';
import CardInfo from '../../components/CardInfo';
import Field from '../../components/Field';
import { DateInput } from '../../components/Select';
import type { DeskPartProps } from './part-props';
import './card-control.css';

type Form = { kind: 'urge' | 'close'; deptId?: string } | { kind: 'deadline' | 'withdraw' };

const openParty = (p: CardParty) => p.status === 'issued' || p.status === 'accepted';

/** what the dispatcher may do on this card, mirroring the server's checks */
export function cardControls(card: Card | null | undefined, request: { status: string; cardId?: string | null }, roles: readonly string[]) {
  const live = !!card && card.status === 'open' && request.status === 'supervised' && request.cardId === card._id && roles.includes('dispatcher');
  return {
    urge: live && card!.parties.some(openParty),
    urgeParty: (p: CardParty) => live && openParty(p),
    closeParty: (p: CardParty) => live && p.role === 'co' && openParty(p),
    deadline: live,
    withdraw: live,
  };
}

export default function CardControl({ detail, reload }: DeskPartProps) {
  const card = (detail.card ?? null) as Card | null;
  const [me, setMe] = useState<Me | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState('');
  const { errors, setErrors, busy, run: send } = useForm();
  useEffect(() => {
    currentMe().then(setMe).catch(() => undefined);
  }, []);

  if (!card) return null;
  const can = cardControls(card, detail.request, me?.user.roles ?? []);
  const today = beijingToday();

  const toggle = (f: Form) => {
    setErrors({});
    setText('');
    setDeadline(f.kind === 'deadline' ? card.deadline : '');
    setForm((cur) => (cur && cur.kind === f.kind && ('deptId' in cur ? cur.deptId : '') === ('deptId' in f ? f.deptId : '') ? null : f));
  };

  const run = (action: ActionName, fields: Record<string, unknown>, done: string) =>
    send(async () => {
      await callService(action, { cardId: card._id, ...fields });
      Taro.showToast({ title: done, icon: 'none' });
      setForm(null);
      setErrors({});
      await reload();
    });

  const need = (what: string) => (text.trim().length < 2 ? `请填写${what}（至少2个字）` : '');
  const submit = async () => {
    if (!form) return;
    const dept = 'deptId' in form && form.deptId ? card.parties.find((p) => p.deptId === form.deptId) : undefined;
    if (form.kind === 'urge') {
      return run('card.urge', { ...(dept ? { deptId: dept.deptId } : {}), ...(text.trim() ? { note: text.trim() } : {}) }, dept ? `已催办${dept.deptName}` : '已催办未完成的部门');
    }
    if (form.kind === 'close') {
      const e = need('结束原因');
      if (e) return setErrors({ reason: e });
      return run('card.closeParty', { deptId: dept?.deptId, reason: text.trim() }, `已结束${dept?.deptName ?? ''}的协办`);
    }
    if (form.kind === 'deadline') {
      const e: Record<string, string> = {};
      if (!deadline) e.deadline = '请选择新的督办期限';
      else if (deadline < today) e.deadline = '督办期限不能早于今天';
      else if (deadline === card.deadline) e.deadline = '请选择与当前不同的期限';
      const r = need('调整原因');
      if (r) e.reason = r;
      setErrors(e);
      if (Object.keys(e).length) return;
      return run('card.deadline', { deadline, reason: text.trim() }, '督办期限已调整');
    }
    const e = need('撤回原因');
    if (e) return setErrors({ reason: e });
    const sure = await confirmAction({
      title: '撤回督办卡',
      content: '撤回后各部门不能再办理此卡，诉求回到待调度，办理时限继续计算。确认撤回？',
      confirmText: '确认撤回',
      danger: true,
    });
    if (sure) await run('card.withdraw', { reason: text.trim() }, '督办卡已撤回，诉求待重新调度');
  };

  const formFor = (kind: Form['kind'], deptId?: string) =>
    !!form && form.kind === kind && ('deptId' in form ? form.deptId ?? '' : '') === (deptId ?? '');

  const inline = (
    <View className='card-control__form'>
      {form?.kind === 'deadline' && (
        <Field label='新的督办期限' required error={errors.deadline}>
          <DateInput value={deadline} start={today} placeholder='选择新的督办期限' onChange={setDeadline} />
        </Field>
      )}
      <Field
        label={form?.kind === 'urge' ? '催办说明' : form?.kind === 'close' ? '结束原因' : form?.kind === 'deadline' ? '调整原因' : '撤回原因'}
        required={form?.kind !== 'urge'}
        error={errors.reason ?? errors.note}
      >
        <TextArea
          className='form-textarea'
          placeholder={
            form?.kind === 'urge' ? '选填，将随催办通知发给部门' : form?.kind === 'close' ? '说明为何不再等待该部门的协办意见' : form?.kind === 'deadline' ? '说明调整期限的原因，将通知各部门' : '说明撤回的原因'
          }
          value={text}
          maxLength={form?.kind === 'urge' ? 300 : 500}
          rows={2}
          onChange={setText}
        />
      </Field>
      <View className='action-panel__buttons'>
        <Button fill='outline' onClick={() => setForm(null)}>
          取消
        </Button>
        <Button type={form?.kind === 'withdraw' ? 'danger' : 'primary'} loading={busy} onClick={submit}>
          确定
        </Button>
      </View>
    </View>
  );

  const partyActions = (p: CardParty) => {
    if (!can.urgeParty(p)) return null;
    return (
      <View className='party__actions'>
        <Button size='small' fill='outline' type='primary' onClick={() => toggle({ kind: 'urge', deptId: p.deptId })}>
          催办
        </Button>
        {can.closeParty(p) && (
          <Button size='small' fill='outline' onClick={() => toggle({ kind: 'close', deptId: p.deptId })}>
            结束协办
          </Button>
        )}
        {(formFor('urge', p.deptId) || formFor('close', p.deptId)) && inline}
      </View>
    );
  };

  const waiting = card.parties.filter((p) => p.role === 'co' && openParty(p));
  const returnedCo = card.parties.filter((p) => p.role === 'co' && p.status === 'returned');
  return (
    <View className='card-control'>
      <CardInfo card={card} partyActions={partyActions} />
      {(can.urge || can.deadline || can.withdraw) && (
        <View className='card card-control__actions' id='card-control'>
          <View className='card__title'>督办卡操作</View>
          {card.status === 'open' && (
            <View className='action-panel__hint'>
              {waiting.length
                ? `牵头部门须待 ${waiting.map((p) => p.deptName).join('、')} 反馈协办意见后才能最终答复；如协办部门无法反馈，可结束其协办。`
                : '协办部门均已反馈，待牵头部门最终答复。'}
              {returnedCo.length > 0 && (
                <Text className='card-control__returned'>{` ${returnedCo.map((p) => p.deptName).join('、')} 已退回，请核实原因，必要时另行派发。`}</Text>
              )}
            </View>
          )}
          <View className='desk-actions__buttons'>
            {can.urge && (
              <Button type='primary' fill={formFor('urge') ? 'solid' : 'outline'} onClick={() => toggle({ kind: 'urge' })}>
                催办未完成部门
              </Button>
            )}
            {can.deadline && (
              <Button type='primary' fill={formFor('deadline') ? 'solid' : 'outline'} onClick={() => toggle({ kind: 'deadline' })}>
                调整期限
              </Button>
            )}
            {can.withdraw && (
              <Button type='danger' fill={formFor('withdraw') ? 'solid' : 'outline'} onClick={() => toggle({ kind: 'withdraw' })}>
                撤回督办卡
              </Button>
            )}
          </View>
          {(formFor('urge') || formFor('deadline') || formFor('withdraw')) && inline}
        </View>
      )}
    </View>
  );
}
