import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { ApiError, callService, toastError } from '../../services/call';
import { formatTime } from '../../shared/format';
import { approveBinding } from '../../shared/binding-decisions';
import Modal from '../components/Modal';
import Field from '../../components/Field';
import { useForm } from '../../shared/use-form';
import { ErrorState, Loading } from '../../components/StateView';
import { useLoadOnShow } from '../../shared/use-query';
import type { Overview } from '../types';
import { ADMIN } from '../labels';
import '../admin.css';
import './index.css';

type Link = { title: string; hint: string; icon: string; url: string; count?: number; countLabel?: string };

export default function AdminHome() {
  const [data, setData] = useState<Overview | null>(null);

  const { error, load } = useLoadOnShow(() => callService('admin.overview'), setData);

  if (!data) {
    return <View className='page page--wide admin'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }

  const c = data.counts;
  /** the 待审核绑定 tile opens the list below the figures */
  const showBindings = () => {
    if (process.env.TARO_ENV === 'h5') document.querySelector('.admin-bindings')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    else Taro.pageScrollTo({ selector: '.admin-bindings', duration: 300 }).catch(() => undefined);
  };
  const links: Link[] = [
    { title: '组织架构', hint: '区、街道、社区、网格与部门', icon: '⌂', url: ADMIN.orgs, count: c.orgs, countLabel: '个组织' },
    { title: '人员', hint: '邀请、停用、在岗与承办容量', icon: '☺', url: ADMIN.staff, count: c.staff, countLabel: '名人员' },
    { title: '企业名录', hint: '企业登记、批量导入、包联', icon: '▦', url: ADMIN.enterprises, count: c.enterprises, countLabel: '家企业' },
    { title: '规则配置', hint: '分派、时限、无事不扰、工作日历、消息模板', icon: '⚙', url: ADMIN.rules },
    { title: '知识库', hint: '政策问答与常见问题：企业提交前先看答复', icon: '?', url: ADMIN.kb },
    { title: '事项清单', hint: '企业反映的事项、责任部门与层级：提交时推荐，调度时参考', icon: '≡', url: ADMIN.items },
    { title: '操作日志', hint: '每一次变更的记录', icon: '☰', url: ADMIN.audit },
  ];

  return (
    <View className='page page--wide admin admin-home'>
      {data.bootstrap && <Bootstrap onDone={load} />}

      <View className='admin-stats'>
        <Stat label='组织' value={c.orgs} onTap={() => Taro.navigateTo({ url: ADMIN.orgs })} />
        <Stat label='人员' value={c.staff} onTap={() => Taro.navigateTo({ url: ADMIN.staff })} />
        <Stat label='企业' value={c.enterprises} onTap={() => Taro.navigateTo({ url: ADMIN.enterprises })} />
        {/* nothing waiting, nothing to open: the tile is a figure only */}
        <Stat label='待激活邀请' value={c.pendingInvites} tone={c.pendingInvites ? 'warn' : undefined} onTap={c.pendingInvites ? () => Taro.navigateTo({ url: `${ADMIN.staff}?unbound=1` }) : undefined} />
        <Stat label='待审核绑定' value={c.pendingBindings} tone={c.pendingBindings ? 'warn' : undefined} onTap={c.pendingBindings ? showBindings : undefined} />
      </View>

      {data.bindings.length > 0 && <Bindings items={data.bindings} total={c.pendingBindings} onDone={load} />}

      <View className='admin-links'>
        {links.map((l) => (
          <View className='admin-link' key={l.url} onClick={() => Taro.navigateTo({ url: l.url })}>
            <View className='admin-link__icon'>{l.icon}</View>
            <View className='admin-link__body'>
              <Text className='admin-link__title'>{l.title}</Text>
              <Text className='admin-link__hint'>{l.hint}</Text>
            </View>
            {l.count !== undefined && (
              <Text className='admin-link__count'>
                {l.count} {l.countLabel}
              </Text>
            )}
            <Text className='admin-link__arrow'>›</Text>
          </View>
        ))}
      </View>
      <View className='admin-foot muted small'>所有变更均记入操作日志。</View>
    </View>
  );
}

/** a figure; with onTap it opens its list (and looks it: an arrow, a pressed state), without it it is a figure only */
function Stat({ label, value, tone, onTap }: { label: string; value: number; tone?: 'warn'; onTap?: () => void }) {
  return (
    <View
      className={`admin-stat${tone ? ` admin-stat--${tone}` : ''}${onTap ? ' admin-stat--link' : ' admin-stat--static'}`}
      onClick={onTap}
      role={onTap ? 'button' : undefined}
      aria-label={onTap ? `${label} ${value}，查看` : undefined}
    >
      <Text className='admin-stat__value'>{value}</Text>
      <View className='admin-stat__foot'>
        <Text className='admin-stat__label'>{label}</Text>
        {onTap && <Text className='admin-stat__arrow'>›</Text>}
      </View>
    </View>
  );
}

type Waiting = Overview['bindings'][number];

/** whole days since an instant (0 on the day itself) */
const daysSince = (iso: string) => Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));

/**
 * The binding applications waiting for a decision. They are the grid officer's (an enterprise's first
 * contact) or the first contact's to decide; the admin sees who is holding them up, and may decide
 * one that nobody does.
 */
function Bindings({ items, total, onDone }: { items: Waiting[]; total: number; onDone: () => void }) {
  const [busyId, setBusyId] = useState('');
  const [rejecting, setRejecting] = useState<{ item: Waiting; reason: string; error: string } | null>(null);

  const approve = async (b: Waiting) => {
    if (busyId) return;
    await approveBinding(b, '请先向企业核实其为该企业员工。', setBusyId, onDone);
  };

  const reject = async () => {
    if (!rejecting || busyId) return;
    const reason = rejecting.reason.trim();
    if (reason.length < 2) return setRejecting({ ...rejecting, error: '请填写不通过的原因（至少2个字）' });
    setBusyId(rejecting.item.id);
    try {
      await callService('binding.reject', { id: rejecting.item.id, reason });
      setRejecting(null);
      Taro.showToast({ title: '已驳回', icon: 'none' });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setRejecting({ ...rejecting, error: e.details[0].message });
      else toastError(e);
    } finally {
      setBusyId('');
    }
  };

  return (
    <View className='card admin-bindings'>
      <View className='card__title'>
        <Text>待审核的绑定申请</Text>
        <Text className='admin-bindings__count'>{total > items.length ? `共 ${total} 条，先列出等待最久的 ${items.length} 条` : `${total} 条`}</Text>
      </View>
      <View className='muted small admin-bindings__hint'>
        企业首位联系人由所在网格的网格员审核，其后的联系人由企业第一联系人审核。长时间无人审核的，管理员可核实后直接处理。
      </View>
      {items.map((b) => {
        const waited = daysSince(b.createdAt);
        return (
          <View className='admin-binding' key={b.id}>
            <View className='admin-binding__ent'>{b.enterpriseName}</View>
            <View className='admin-binding__who'>
              申请人：{b.userName || '（未填写）'}
              {b.phone ? ` · ${b.phone}` : ''}
            </View>
            <View className='admin-binding__meta'>
              {formatTime(b.createdAt)} 申请{waited > 0 ? `，已等待 ${waited} 天` : ''} · 审核人：{b.deciders.join('、') || '无'}
            </View>
            <View className='admin-binding__ops'>
              <Button size='small' fill='outline' disabled={!!busyId} onClick={() => setRejecting({ item: b, reason: '', error: '' })}>
                不通过
              </Button>
              <Button size='small' type='primary' loading={busyId === b.id} disabled={!!busyId && busyId !== b.id} onClick={() => approve(b)}>
                通过
              </Button>
            </View>
          </View>
        );
      })}
      {rejecting && (
        <Modal
          title='不通过绑定申请'
          name='modal--reject-binding'
          busy={!!busyId}
          danger
          okText='不通过'
          hint={`${rejecting.item.userName || '申请人'}申请成为“${rejecting.item.enterpriseName}”的联系人。申请人将收到不通过的通知和原因。`}
          onOk={reject}
          onClose={() => setRejecting(null)}
        >
          <Field label='原因' required error={rejecting.error}>
            <TextArea
              className='form-textarea'
              placeholder='如：经核实不是该企业员工'
              value={rejecting.reason}
              maxLength={200}
              onChange={(v) => setRejecting({ ...rejecting, reason: v, error: '' })}
            />
          </Field>
        </Modal>
      )}
    </View>
  );
}

/** First run: nothing works until the district exists. */
function Bootstrap({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const { errors, edit, check, busy, run } = useForm();
  const create = () => {
    if (busy || !check(name.trim().length < 2 ? { name: '请填写区（县）名称' } : {}, { quiet: true })) return;
    run(async () => {
      const { org } = await callService('admin.orgs.create', { kind: 'district', name: name.trim(), parentId: null });
      Taro.showToast({ title: `已创建${org.name}`, icon: 'success' });
      onDone();
    });
  };
  return (
    <View className='card admin-bootstrap'>
      <View className='admin-bootstrap__title'>首次使用：请先创建本区（县）组织</View>
      <View className='admin-bootstrap__text'>
        区（县）是组织架构的根。创建后，请在「组织架构」中依次添加街道、社区、网格和职能部门，再到「人员」邀请网格员、调度员等工作人员。
      </View>
      <Field label='区（县）名称' required error={errors.name}>
        <Input className='form-input' placeholder='如：云溪区' value={name} maxLength={30} onChange={edit('name', setName)} />
      </Field>
      <View className='actions'>
        <Button type='primary' block loading={busy} onClick={create}>
          创建区（县）
        </Button>
      </View>
    </View>
  );
}
