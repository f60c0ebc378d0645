import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { BindingRequest, BindingStatus, Me } from '../../shared/api-types';
import { formatTime } from '../../shared/format';
import { confirmAction } from '../../shared/confirm';
import { approveBinding } from '../../shared/binding-decisions';
import { ROUTES } from '../../shared/routes';
import { callService, errorText, toastError } from '../../services/call';
import { forgetSession, loadMe } from '../../services/profile';
import { EmptyState, ErrorState, Loading } from '../../components/StateView';
import './index.css';

type Tab = 'pending' | 'done';
const TABS: { key: Tab; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'done', label: '已处理' },
];
const STATUS: Record<BindingStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过', cancelled: '已撤回' };

/**
 * Binding requests for their approver: an enterprise's first contact decides on new contacts, a
 * grid officer on the first contact of an enterprise in the grid. Enterprise contacts can also leave.
 */
export default function ApprovalsPage() {
  const [tab, setTab] = useState<Tab>('pending');
  const [items, setItems] = useState<BindingRequest[] | null>(null);
  const [error, setError] = useState('');
  const [me, setMe] = useState<Me | null>(null);
  const [busyId, setBusyId] = useState('');
  const [rejecting, setRejecting] = useState<{ id: string; reason: string; error: string } | null>(null);
  const generation = useRef(0);

  const load = async (which: Tab = tab) => {
    const gen = ++generation.current;
    try {
      const d = await callService('binding.list', { tab: which });
      if (gen !== generation.current) return;
      setItems(d.items);
      setError('');
    } catch (e) {
      if (gen === generation.current) setError(errorText(e));
    }
  };
  useEffect(() => {
    loadMe().then(setMe).catch(() => undefined);
  }, []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) load();
    shown.current = true;
  });
  useEffect(() => {
    setItems(null);
    load(tab);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab]);
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  const approve = async (b: BindingRequest) => {
    if (busyId) return;
    await approveBinding(b, '请确认其为该企业员工。', setBusyId, load);
  };

  const reject = async () => {
    if (!rejecting || busyId) return;
    const reason = rejecting.reason.trim();
    if (reason.length < 2) {
      setRejecting({ ...rejecting, error: '请填写不通过的原因（至少2个字）' });
      return;
    }
    const sure = await confirmAction({
      title: '不通过绑定申请',
      content: '申请人将收到不通过的通知和原因，本次申请就此结束。',
      confirmText: '不通过',
      danger: true,
    });
    if (!sure) return;
    setBusyId(rejecting.id);
    try {
      await callService('binding.reject', { id: rejecting.id, reason });
      setRejecting(null);
      Taro.showToast({ title: '已驳回', icon: 'none' });
      await load();
    } catch (e) {
      toastError(e);
    } finally {
      setBusyId('');
    }
  };

  const leave = async () => {
    const name = me?.user.enterprise?.name ?? '';
    const ok = await Taro.showModal({ title: '解除绑定', content: `确定解除与“${name}”的绑定？解除后将不能再以该企业名义反映问题。`, confirmText: '解除', confirmColor: '#cf1322' })
      .then((r) => r.confirm)
      .catch(() => false);
    if (!ok) return;
    try {
      await callService('enterprise.unbind', {});
      forgetSession();
      Taro.showToast({ title: '已解除绑定', icon: 'none' });
      setTimeout(() => Taro.reLaunch({ url: ROUTES.home }), 800);
    } catch (e) {
      toastError(e);
    }
  };

  const call = (phone?: string) => {
    if (phone && process.env.TARO_ENV === 'weapp') Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
  };

  const isOfficer = !!me?.user.roles.includes('officer');
  return (
    <View className='approvals'>
      <View className='tabs'>
        {TABS.map((t) => (
          <View key={t.key} className={`tabs__item${tab === t.key ? ' tabs__item--active' : ''}`} onClick={() => setTab(t.key)}>
            {t.label}
            {t.key === 'pending' && tab === 'pending' && items && items.length > 0 && <Text className='tabs__count'>{items.length}</Text>}
          </View>
        ))}
      </View>
      <View className='page'>
        <View className='intro'>
          {isOfficer
            ? '本网格企业的首位联系人由网格员审核。请核实申请人确为该企业员工后再通过。'
            : '新联系人申请绑定本企业时由您审核。请核实申请人确为本企业员工后再通过。'}
        </View>
        {error && !items && <ErrorState message={error} onRetry={() => load()} />}
        {!error && !items && <Loading />}
        {items && items.length === 0 && <EmptyState text={tab === 'pending' ? '没有待审核的申请' : '暂无记录'} />}
        {items?.map((b) => (
          <View className='card approval' key={b.id}>
            <View className='approval__head'>
              <Text className='approval__enterprise'>{b.enterpriseName}</Text>
              <Text className={`approval__status approval__status--${b.status}`}>{STATUS[b.status] ?? b.status}</Text>
            </View>
            <View className='approval__who'>
              申请人：{b.userName || '—'}
              {b.phone && (
                <Text className={process.env.TARO_ENV === 'weapp' ? 'link' : ''} onClick={() => call(b.phone)}>
                  {' '}· {b.phone}
                </Text>
              )}
            </View>
            {b.createdAt && <View className='approval__time'>申请时间 {formatTime(b.createdAt)}</View>}
            {b.status === 'rejected' && b.reason && <View className='approval__reason'>原因：{b.reason}</View>}
            {b.status === 'pending' && rejecting?.id !== b.id && (
              <View className='approval__buttons'>
                <Button fill='outline' size='small' disabled={!!busyId} onClick={() => setRejecting({ id: b.id, reason: '', error: '' })}>
                  不通过
                </Button>
                <Button type='primary' size='small' loading={busyId === b.id} onClick={() => approve(b)}>
                  通过
                </Button>
              </View>
            )}
            {rejecting?.id === b.id && (
              <View className='approval__reject'>
                <TextArea
                  className='form-textarea'
                  placeholder='填写不通过的原因，申请人会收到通知'
                  value={rejecting.reason}
                  maxLength={200}
                  rows={2}
                  onChange={(v) => setRejecting({ ...rejecting, reason: v, error: '' })}
                />
                {rejecting.error && <View className='field__error'>{rejecting.error}</View>}
                <View className='approval__buttons'>
                  <Button fill='outline' size='small' onClick={() => setRejecting(null)}>
                    取消
                  </Button>
                  <Button type='danger' size='small' loading={busyId === b.id} onClick={reject}>
                    确认不通过
                  </Button>
                </View>
              </View>
            )}
          </View>
        ))}
        {me?.user.enterprise && (
          <View className='approvals__leave link' onClick={leave}>
            解除本人与“{me.user.enterprise.name}”的绑定
          </View>
        )}
      </View>
    </View>
  );
}
