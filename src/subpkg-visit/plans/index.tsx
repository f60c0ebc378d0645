import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { addDays, beijingToday } from '../../shared/format';
import { useListPageEvents, usePagedList } from '../../shared/use-paged-list';
import { ApiError, callService, toastError } from '../../services/call';
import { currentMe } from '../../services/profile';
import Field from '../../components/Field';
import { useForm, type FieldErrors } from '../../shared/use-form';
import { EmptyState, ErrorState, ListFooter, Loading } from '../../components/StateView';
import SubmitButton from '../../components/SubmitButton';
import { DateTimeInput, Select } from '../components/Inputs';
import { PLAN_STATUS_LABELS, type Plan, type Proposal, type VisitOptions } from '../types';
import type { Answer } from '../../../core/contract/answers';
import '../visit.css';
import './index.css';

/** as plan.list answers it */
type PlanPage = Answer<'plan.list'>;

function PlanForm({ options, onCreated }: { options: VisitOptions | null; onCreated: (p: Proposal | null) => void }) {
  const today = beijingToday();
  const [enterpriseId, setEnterpriseId] = useState('');
  const [items, setItems] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [approvalRef, setApprovalRef] = useState('');
  const [from, setFrom] = useState(addDays(today, 1));
  const [to, setTo] = useState(addDays(today, 5));
  const { errors, check, busy, run } = useForm();

  const submit = () => {
    const e: FieldErrors = {};
    if (!enterpriseId) e.enterpriseId = '请选择被检查企业';
    if (items.trim().length < 2) e.items = '请填写检查事项';
    if (legalBasis.trim().length < 2) e.legalBasis = '请填写执法依据';
    if (!from) e.from = '请选择开始日期';
    if (!to) e.to = '请选择结束日期';
    if (busy || !check(e)) return;
    run(async () => {
      const res = await callService('plan.create', {
        enterpriseId, items: items.trim(), legalBasis: legalBasis.trim(), approvalRef: approvalRef.trim() || undefined, from, to,
      });
      Taro.showToast({ title: '已登记，企业已收到检查预告', icon: 'none' });
      setItems('');
      setLegalBasis('');
      setApprovalRef('');
      setEnterpriseId('');
      onCreated(res.proposal);
    });
  };

  return (
    <View className='card form'>
      <View className='card__title'>登记检查计划</View>
      <View className='hint' style={{ marginTop: 0, marginBottom: 10 }}>
        登记后企业会收到检查预告；多个部门在同一时段检查同一企业时，系统会建议合并为一次联合检查。
      </View>
      <Field label='被检查企业' required error={errors.enterpriseId}>
        <Select
          value={enterpriseId}
          onChange={setEnterpriseId}
          placeholder='选择企业'
          options={(options?.enterprises ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.gridName}）` }))}
        />
      </Field>
      <Field label='检查事项' required error={errors.items}>
        <TextArea className='form-textarea' placeholder='如：在建厂房施工安全' value={items} maxLength={300} rows={2} onChange={setItems} />
      </Field>
      <Field label='执法依据' required error={errors.legalBasis}>
        <TextArea className='form-textarea' placeholder='法律法规名称及条款' value={legalBasis} maxLength={300} rows={2} onChange={setLegalBasis} />
      </Field>
      <Field label='报批备案号' extra={<Text className='field__extra'>入企前须取得</Text>} error={errors.approvalRef}>
        <Input className='form-input' placeholder='如：云住建检备〔2026〕112号' value={approvalRef} maxLength={60} onChange={setApprovalRef} />
      </Field>
      <View className='two-cols'>
        <Field label='开始日期' required error={errors.from}>
          <DateTimeInput mode='date' value={from} onChange={setFrom} placeholder='开始日期' start={today} />
        </Field>
        <Field label='结束日期' required error={errors.to}>
          <DateTimeInput mode='date' value={to} onChange={setTo} placeholder='结束日期' start={from || today} />
        </Field>
      </View>
      <SubmitButton busy={busy} onClick={submit}>登记并发送检查预告</SubmitButton>
    </View>
  );
}

function ProposalCard({ p, onMerged }: { p: Proposal; onMerged: () => void }) {
  const [busy, setBusy] = useState(false);
  const merge = async () => {
    const ok = await Taro.showModal({
      title: '合并为联合检查',
      content: `${p.departments.map((d) => d.deptName).join('、')} 将在 ${p.from} 至 ${p.to} 一次入企完成检查，企业将收到联合检查预告。`,
      confirmText: '合并',
    }).then((r) => r.confirm, () => false);
    if (!ok || busy) return;
    setBusy(true);
    try {
      await callService('plan.merge', { planIds: p.planIds });
      Taro.showToast({ title: '已合并，已通知企业和各部门', icon: 'none' });
      onMerged();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card proposal'>
      <View className='proposal__badge'>进一次门、查多项事</View>
      <View className='proposal__title'>{p.enterpriseName}</View>
      <View className='proposal__window'>
        建议联合检查时段：{p.from} 至 {p.to}
      </View>
      {p.departments.map((d) => (
        <View className='proposal__dept' key={`${d.deptId}-${d.from}`}>
          <Text className='proposal__dept-name'>{d.deptName}</Text>
          <Text className='proposal__dept-items'>
            {d.items}（{d.from} 至 {d.to}）
          </Text>
        </View>
      ))}
      <SubmitButton busy={busy} onClick={merge}>合并为联合检查</SubmitButton>
    </View>
  );
}

export default function PlansPage() {
  const [department, setDepartment] = useState(false);
  const [options, setOptions] = useState<VisitOptions | null>(null);
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [proposalError, setProposalError] = useState('');
  const plans = usePagedList<Plan, PlanPage>((page) => callService('plan.list', { page }));

  useEffect(() => {
    currentMe().then((me) => setDepartment(me.user.roles.includes('department'))).catch(() => undefined);
    callService('visit.options').then(setOptions).catch(() => undefined);
  }, []);

  const loadProposals = () =>
    callService('plan.proposals')
      .then((d) => {
        setProposals(d.items);
        setProposalError('');
      })
      .catch((e) => setProposalError(e instanceof ApiError ? e.message : '加载失败'));

  const reload = () => {
    loadProposals();
    return plans.reload();
  };
  useListPageEvents({ reload, loadMore: plans.loadMore });

  const cancel = async (p: Plan) => {
    const ok = await Taro.showModal({ title: '取消检查计划', content: `取消对「${p.enterpriseName}」的检查计划？企业将收到取消通知。`, confirmText: '取消计划' }).then(
      (r) => r.confirm,
      () => false,
    );
    if (!ok) return;
    try {
      await callService('plan.cancel', { id: p._id });
      Taro.showToast({ title: '已取消，已通知企业', icon: 'none' });
      reload();
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <View className='page'>
      <View className='visit-hero'>
        <View className='visit-hero__kicker'>双随机、一公开 · 进一次门、查多项事</View>
        <View className='visit-hero__title'>检查计划</View>
        <View className='visit-hero__sub'>提前登记入企检查，企业收到检查预告；多部门检查同一企业时合并为联合检查</View>
      </View>

      <View className='section-title'>联合检查建议{proposals ? `（${proposals.length}）` : ''}</View>
      {proposalError && <ErrorState message={proposalError} onRetry={loadProposals} />}
      {!proposals && !proposalError && <Loading />}
      {proposals && proposals.length === 0 && <View className='card muted small'>暂无可合并的检查计划</View>}
      {proposals?.map((p) => <ProposalCard key={p.key} p={p} onMerged={reload} />)}

      {department && (
        <PlanForm
          options={options}
          onCreated={(p) => {
            if (p) Taro.showModal({ title: '可合并为联合检查', content: `${p.departments.map((d) => d.deptName).join('、')} 在 ${p.from} 至 ${p.to} 都要检查「${p.enterpriseName}」，建议合并为一次联合检查。`, showCancel: false });
            reload();
          }}
        />
      )}

      <View className='section-title'>{department ? '本部门检查计划' : '全部检查计划'}</View>
      {plans.error && plans.items.length === 0 && <ErrorState message={plans.error} onRetry={plans.reload} />}
      {!plans.loaded && !plans.error && <Loading />}
      {plans.loaded && !plans.error && plans.items.length === 0 && <EmptyState text='暂无检查计划' />}
      {plans.items.map((p) => (
        <View className='card plan' key={p._id}>
          <View className='visit-card__head'>
            <Text className='visit-card__title'>{p.enterpriseName}</Text>
            <Text className={`plan__status plan__status--${p.status}`}>{PLAN_STATUS_LABELS[p.status]}</Text>
          </View>
          <View className='plan__line'>
            {p.deptName} · {p.joint ? `${p.joint.from} 至 ${p.joint.to}（联合：${p.joint.deptNames.join('、')}）` : `${p.from} 至 ${p.to}`}
          </View>
          <View className='plan__line'>检查事项：{p.items}</View>
          <View className='plan__line muted'>
            执法依据：{p.legalBasis}
            {p.approvalRef ? ` · ${p.approvalRef}` : ' · 未填报批备案号'}
          </View>
          {department && (p.status === 'planned' || p.status === 'merged') && (
            <View className='plan__tools'>
              <Text className='link history__danger-link' onClick={() => cancel(p)}>
                取消计划
              </Text>
            </View>
          )}
        </View>
      ))}
      <ListFooter loading={plans.loading} hasMore={plans.hasMore} count={plans.items.length} />
    </View>
  );
}
