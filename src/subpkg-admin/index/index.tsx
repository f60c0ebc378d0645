import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ApiError, callService, toastError } from '../../services/call';
import Field, { fieldErrors } from '../../components/Field';
import { ErrorState, Loading } from '../../components/StateView';
import { useLoadOnShow } from '../../shared/use-query';
import type { AdminOrg, Overview } from '../types';
import { ADMIN } from '../labels';
import '../admin.css';
import './index.css';

type Link = { title: string; hint: string; icon: string; url: string; count?: number; countLabel?: string };

export default function AdminHome() {
  const [data, setData] = useState<Overview | null>(null);

  const { error, load } = useLoadOnShow(() => callService<Overview>('admin.overview'), setData);

  if (!data) {
    return <View className='page page--wide admin'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }

  const c = data.counts;
  const links: Link[] = [
    { title: '组织架构', hint: '区、街道、社区、网格与部门', icon: '⌂', url: ADMIN.orgs, count: c.orgs, countLabel: '个组织' },
    { title: '人员', hint: '邀请、停用、在岗与承办容量', icon: '☺', url: ADMIN.staff, count: c.staff, countLabel: '名人员' },
    { title: '企业名录', hint: '企业登记、批量导入、包联', icon: '▦', url: ADMIN.enterprises, count: c.enterprises, countLabel: '家企业' },
    { title: '规则配置', hint: '分派、时限、无事不扰、工作日历、消息模板', icon: '⚙', url: ADMIN.rules },
    { title: '操作日志', hint: '每一次变更的记录', icon: '☰', url: ADMIN.audit },
  ];

  return (
    <View className='page page--wide admin admin-home'>
      {data.bootstrap && <Bootstrap onDone={load} />}

      <View className='admin-stats'>
        <Stat label='组织' value={c.orgs} />
        <Stat label='人员' value={c.staff} />
        <Stat label='企业' value={c.enterprises} />
        <Stat label='待激活邀请' value={c.pendingInvites} tone={c.pendingInvites ? 'warn' : undefined} />
        <Stat label='待审核绑定' value={c.pendingBindings} tone={c.pendingBindings ? 'warn' : undefined} />
      </View>

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

function Stat({ label, value, tone }: { label: string; value: number; tone?: 'warn' }) {
  return (
    <View className={`admin-stat${tone ? ` admin-stat--${tone}` : ''}`}>
      <Text className='admin-stat__value'>{value}</Text>
      <Text className='admin-stat__label'>{label}</Text>
    </View>
  );
}

/** First run: nothing works until the district exists. */
function Bootstrap({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const create = async () => {
    if (busy) return;
    if (name.trim().length < 2) {
      setError('请填写区（县）名称');
      return;
    }
    setBusy(true);
    try {
      const { org } = await callService<{ org: AdminOrg }>('admin.orgs.create', { kind: 'district', name: name.trim(), parentId: null });
      Taro.showToast({ title: `已创建${org.name}`, icon: 'success' });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setError(fieldErrors(e.details).name ?? e.message);
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card admin-bootstrap'>
      <View className='admin-bootstrap__title'>首次使用：请先创建本区（县）组织</View>
      <View className='admin-bootstrap__text'>
        区（县）是组织架构的根。创建后，请在「组织架构」中依次添加街道、社区、网格和职能部门，再到「人员」邀请网格员、调度员等工作人员。
      </View>
      <Field label='区（县）名称' required error={error}>
        <Input
          className='form-input'
          placeholder='如：云溪区'
          value={name}
          maxLength={30}
          onChange={(v) => {
            setName(v);
            setError('');
          }}
        />
      </Field>
      <View className='actions'>
        <Button type='primary' block loading={busy} onClick={create}>
          创建区（县）
        </Button>
      </View>
    </View>
  );
}
