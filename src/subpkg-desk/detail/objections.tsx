/** Desk detail: hand-backs (退回/申请改派) and extension requests (延期申请) the dispatcher decides. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { formatTime } from '../../shared/format';
import { confirmAction } from '../../shared/confirm';
import { ApiError, callService, toastError } from '../../services/call';
import Field, { fieldErrors } from '../../components/Field';
import ExtensionRecords, { ExtensionItem } from '../../components/Extensions';
import { Row } from '../../components/RequestInfo';
import type { DeskPartProps } from './part-props';
import { DecideExtensionInput } from '../../../core/contract/handling';
import { problemsOf } from '../../../core/contract/schema';

export default function ObjectionsPanel({ detail, reload }: DeskPartProps) {
  const { request: r, can } = detail;
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'' | 'approve' | 'refuse'>('');

  const handBacks = r.timeline.filter((e) => e.type === 'handed_back');
  const handBackCount = Math.max(r.handBackCount ?? 0, handBacks.length);
  const pending = r.extension?.status === 'pending' ? r.extension : null;
  const decided = r.extensions ?? [];
  if (!handBackCount && !pending && !decided.length) return null;

  const decide = async (approve: boolean) => {
    if (busy) return;
    const problems = problemsOf(DecideExtensionInput, { id: r._id, approve, note });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    // the deadline moves for good: asked once more, with the date it moves to
    const sure = await confirmAction(approve
      ? { title: '批准延期', content: `办理期限将顺延至 ${pending!.requestedDate} 下班时间，并通知承办人。`, confirmText: '批准' }
      : { title: '不批准延期', content: '办理期限不变，承办人将收到您的审批意见。', confirmText: '不批准', danger: true });
    if (!sure) return;
    setBusy(approve ? 'approve' : 'refuse');
    try {
      await callService('desk.extension.decide', { id: r._id, approve, note: note.trim() });
      Taro.showToast({ title: approve ? '已批准延期，办理期限已顺延' : '已不批准，承办人将收到说明', icon: 'none' });
      setNote('');
      await reload();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setErrors(fieldErrors(e.details));
      toastError(e);
    } finally {
      setBusy('');
    }
  };

  return (
    <View className='objections'>
      {pending && can.decideExtension && (
        <View className='card notice-card--warn objections__pending' id='panel-extension'>
          <View className='card__title'>延期申请待审批</View>
          <ExtensionItem ext={pending} />
          <View className='action-panel__hint'>批准后办理期限改为所申请日期当天下班时间，并记入办理时限记录。</View>
          <Field label='审批意见' required={false} error={errors.note}>
            <TextArea className='form-textarea' placeholder='不批准时必填，将告知承办人' value={note} maxLength={300} rows={2} onChange={setNote} />
          </Field>
          <View className='action-panel__buttons'>
            <Button type='danger' fill='outline' loading={busy === 'refuse'} onClick={() => decide(false)}>
              不批准
            </Button>
            <Button type='primary' loading={busy === 'approve'} onClick={() => decide(true)}>
              批准
            </Button>
          </View>
        </View>
      )}
      {(decided.length > 0 || (pending && !can.decideExtension)) && (
        <View className='card objections__extensions'>
          <View className='card__title'>延期记录</View>
          <ExtensionRecords request={can.decideExtension ? { ...r, extension: null } : r} title='' />
        </View>
      )}
      {handBackCount > 0 && (
        <View className='card notice-card--warn objections__handbacks'>
          <View className='card__title'>退回改派</View>
          <Row label='退回次数'>{`${handBackCount} 次`}</Row>
          {handBacks
            .slice()
            .reverse()
            .map((e) => (
              <View className='ext-item ext-item--refused' key={e.seq}>
                <View className='ext-item__meta'>{formatTime(e.at)}</View>
                <Text className='ext-item__text'>{e.text}</Text>
              </View>
            ))}
          {r.status === 'dispatch' && <View className='action-panel__hint'>已退回本中心，请核实后改派或下发督办卡。</View>}
        </View>
      )}
    </View>
  );
}
