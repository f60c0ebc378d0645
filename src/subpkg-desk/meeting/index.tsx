import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import type { Meta } from '../../shared/api-types';
import { beijingToday, newClientKey } from '../../shared/format';
import { ROUTES } from '../../shared/routes';
import { callService, errorText } from '../../services/call';
import { loadMeta } from '../../services/profile';
import { useForm, type FieldErrors } from '../../shared/use-form';
import Field from '../../components/Field';
import PhoneInput from '../../components/PhoneInput';
import SubmitButton from '../../components/SubmitButton';
import { ErrorState, Loading } from '../../components/StateView';
import { Chips, DateInput, Select, dateLabel } from '../../components/Select';
import EnterprisePicker, { type EnterpriseOption } from '../../components/EnterprisePicker';
import type { Answer } from '../../../core/contract/answers';
import { MAX_MEETING_PROBLEMS, MEETING_KINDS, MeetingInput, type MeetingKind } from '../../../core/contract/meeting';
import { problemsOf } from '../../../core/contract/schema';
import { CATEGORY_OPTIONS, type CategoryCode } from '../../../core/contract/catalog';
import './index.css';

type Problem = { key: number; ent: EnterpriseOption | null; category: CategoryCode | ''; description: string; phone: string };
let seq = 0;
const blank = (): Problem => ({ key: ++seq, ent: null, category: '', description: '', phone: '' });
const KINDS = (Object.keys(MEETING_KINDS) as MeetingKind[]).map((k) => ({ value: k, label: MEETING_KINDS[k] }));

/** one problem raised at the meeting: which enterprise, what, and whom to call */
function ProblemCard({ index, p, categories, errors, edited, onChange, onRemove }: {
  index: number; p: Problem; categories: Meta['categories']; errors: FieldErrors; edited: (field: string) => void;
  onChange: (next: Problem) => void; onRemove: (() => void) | null;
}) {
  const at = (f: string) => errors[`problems.${index}.${f}`];
  // a changed field's error goes (its key as the server's schema names it)
  const set = <K extends keyof Problem>(field: K, key: string) => (v: Problem[K]) => {
    onChange({ ...p, [field]: v });
    edited(`problems.${index}.${key}`);
  };
  return (
    <View className='card form meeting__problem'>
      <View className='meeting__problem-head'>
        <Text className='card__title'>问题 {index + 1}</Text>
        {onRemove && <Text className='link' onClick={onRemove}>删除</Text>}
      </View>
      <Field label='企业' required error={at('enterpriseId')}>
        {p.ent ? (
          <View className='meeting__chosen'>
            <Text className='meeting__ent'>{p.ent.name}</Text>
            <Text className='link' onClick={() => onChange({ ...p, ent: null })}>更换</Text>
          </View>
        ) : <EnterprisePicker onPick={set('ent', 'enterpriseId')} />}
      </Field>
      <Field label='诉求类别' required error={at('category')}>
        <Select value={p.category} options={CATEGORY_OPTIONS.filter((o) => categories.some((c) => c.code === o.value))} placeholder='请选择诉求类别' onChange={(v) => set('category', 'category')(v as CategoryCode)} />
      </Field>
      <Field label='问题描述' required error={at('description')}>
        <TextArea className='form-textarea' placeholder='企业在会上提出的问题和诉求' value={p.description} maxLength={1000} rows={3} onChange={set('description', 'description')} />
      </Field>
      <Field label='企业联系电话' required error={at('phone')}>
        <PhoneInput placeholder='承办人员将通过此电话联系企业' value={p.phone} onChange={set('phone', 'phone')} />
      </Field>
    </View>
  );
}

/** 茶叙会/企业家日: a dispatcher records a meeting and every problem raised there, one request each */
export default function MeetingPage() {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [metaError, setMetaError] = useState('');
  const [kind, setKind] = useState<MeetingKind>('tea');
  const [date, setDate] = useState(beijingToday());
  const [title, setTitle] = useState('');
  const [problems, setProblems] = useState<Problem[]>(() => [blank()]);
  const [done, setDone] = useState<Answer<'meeting.record'> | null>(null);
  const { errors, edited, check, busy, run } = useForm();
  const clientKey = useRef(newClientKey());
  const fetchMeta = () => {
    setMetaError('');
    loadMeta().then(setMeta).catch((e) => setMetaError(errorText(e)));
  };
  useEffect(fetchMeta, []);

  const input = () => ({
    clientKey: clientKey.current, kind, date, title: title.trim(),
    problems: problems.map((p) => ({ enterpriseId: p.ent?.id ?? '', category: p.category, description: p.description.trim(), phone: p.phone.trim() })),
  });
  const submit = () => {
    if (busy) return;
    // the server's own schema (core/contract/meeting.ts): every problem's fields, before sending
    const e = problemsOf(MeetingInput, input());
    problems.forEach((p, i) => { if (!p.ent) e[`problems.${i}.enterpriseId`] = '请选择企业'; });
    if (!check(e)) return;
    run(async () => {
      setDone(await callService('meeting.record', input() as never));
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    });
  };

  if (!meta) return <View className='page'>{metaError ? <ErrorState message={metaError} onRetry={fetchMeta} /> : <Loading />}</View>;
  if (done) {
    return (
      <View className='page'>
        <View className='card'>
          <View className='card__title'>已录入 {done.requests.length} 件诉求</View>
          <View className='muted small'>{MEETING_KINDS[done.meeting.kind]} · {dateLabel(done.meeting.date)} · {done.meeting.title}</View>
          {done.requests.map((r) => (
            <View key={r._id} className='meeting__done' onClick={() => Taro.navigateTo({ url: ROUTES.deskDetail(r._id) })}>
              <Text className='mono'>{r.no}</Text>
              <Text className='meeting__ent'>{r.enterpriseName}</Text>
              <Text className='muted small'>{r.assigneeName ? `已分派 ${r.assigneeName}` : '待分派'}</Text>
            </View>
          ))}
        </View>
        <SubmitButton fill='outline' busy={false} onClick={() => { clientKey.current = newClientKey(); setProblems([blank()]); setTitle(''); setDone(null); }}>再录一场会议</SubmitButton>
      </View>
    );
  }
  return (
    <View className='page'>
      <View className='card form'>
        <Field label='会议类型' required error={errors.kind}>
          <Chips options={KINDS} value={kind} onChange={setKind} />
        </Field>
        <Field label='会议日期' required error={errors.date}>
          <DateInput value={date} onChange={setDate} end={beijingToday()} />
        </Field>
        <Field label='会议名称' required error={errors.title}>
          <Input className='form-input' placeholder='如：东城片区企业家茶叙会' value={title} maxLength={60} onChange={setTitle} />
        </Field>
        <View className='hint'>每个问题生成一件诉求，归属提出问题的企业，企业联系人会收到通知并可跟踪、评价。</View>
      </View>
      {problems.map((p, i) => (
        <ProblemCard
          key={p.key} index={i} p={p} categories={meta.categories} errors={errors} edited={edited}
          onChange={(next) => setProblems(problems.map((x) => (x.key === p.key ? next : x)))}
          onRemove={problems.length > 1 ? () => setProblems(problems.filter((x) => x.key !== p.key)) : null}
        />
      ))}
      {errors.problems && <View className='field__error'>{errors.problems}</View>}
      {problems.length < MAX_MEETING_PROBLEMS && (
        <SubmitButton fill='outline' busy={false} onClick={() => setProblems([...problems, blank()])}>再添加一个问题</SubmitButton>
      )}
      <SubmitButton busy={busy} onClick={submit}>提交 {problems.length} 个问题</SubmitButton>
    </View>
  );
}
