import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { beijingInstant, beijingToday, formatTime } from '../../shared/format';
import { ROUTES } from '../../shared/routes';
import { VISIT_ROUTES } from '../../shared/visit-routes';
import { callService, errorText, toastError } from '../../services/call';
import type { Input as ActionInput } from '../../../core/contract/answers';
import { loadMeta } from '../../services/profile';
import type { Meta } from '../../shared/api-types';
import Field from '../../components/Field';
import { LEAVING, useForm } from '../../shared/use-form';
import { Loading } from '../../components/StateView';
import SubmitButton from '../../components/SubmitButton';
import { Chips } from '../../components/Select';
import { DateTimeInput, Select } from '../components/Inputs';
import CheckoutForm, { type CheckoutFields } from '../components/CheckoutForm';
import { FlagTags, Members, PurposeTag, VisitFacts } from '../components/VisitParts';
import { placeFor } from '../location';
import { SCAN_LABEL } from '../scanner';
import { signInFirst, useScene } from '../use-scene';
import type { Purpose, ScanResult, StaffVisit } from '../types';
import '../visit.css';
import './index.css';

/** what a scan at the door may do besides checking in; each answers the visit */
type ScanWrite = 'visit.join' | 'visit.checkout';

type CheckinState = Extract<ScanResult, { mode: 'checkin' }>;

/** the form an official fills in at the door */
function CheckinForm({ data, scene, onDone }: { data: CheckinState; scene: string; onDone: (v: StaffVisit) => void }) {
  const [purpose, setPurpose] = useState<Purpose | ''>('');
  const [planId, setPlanId] = useState('');
  const [requestId, setRequestId] = useState('');
  const [note, setNote] = useState('');
  const [approvalRef, setApprovalRef] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [reason, setReason] = useState('');
  const [late, setLate] = useState(false);
  const [lateTime, setLateTime] = useState('');
  const [lateReason, setLateReason] = useState('');
  const { errors, edit, check, busy, run } = useForm();

  const inspection = purpose === 'inspection' || purpose === 'joint';
  const needsReason = data.guard.over && !requestId;
  const purposes = late ? data.purposes.filter((p) => p.inspection) : data.purposes;

  const pickPlan = (id: string) => {
    if (id === planId) {
      setPlanId('');
      return;
    }
    const p = data.plans.find((x) => x._id === id)!;
    setPlanId(id);
    setPurpose(p.joint ? 'joint' : 'inspection');
    setApprovalRef(p.approvalRef ?? '');
    setLegalBasis(p.legalBasis);
    setNote(p.items);
  };

  const validate = () => {
    const e: Record<string, string> = {};
    if (!purpose) e.purpose = '请选择入企事由';
    if (inspection && legalBasis.trim().length < 2) e.legalBasis = '执法检查须填写执法依据';
    if (needsReason && reason.trim().length < 4) e.reason = '已超出无事不扰频次，请填写入企理由（至少4个字）';
    if (late) {
      if (!lateTime) e.startedAt = '请选择实际入企时间';
      if (lateReason.trim().length < 4) e.lateReason = '请说明未能事先扫码的紧急情况（至少4个字）';
    }
    return check(e);
  };

  const submit = () => {
    if (busy || !validate() || !purpose) return;
    // a late registration is an inspection's only (the purposes offered then are those)
    const latePurpose = late && (purpose === 'inspection' || purpose === 'joint') ? purpose : null;
    if (late && !latePurpose) return;
    run(async () => {
      // where the official stands: compared with the enterprise's registered location
      const place = await placeFor(late ? '补录' : '签到');
      if (!place) return;
      const fields = {
        scene, purpose, note: note.trim(), approvalRef: approvalRef.trim() || undefined, legalBasis: legalBasis.trim() || undefined,
        reason: reason.trim() || undefined, requestId: requestId || undefined, planId: planId || undefined, ...place,
      };
      const res = latePurpose
        ? await callService('visit.lateRegister', {
            ...fields, purpose: latePurpose, startedAt: beijingInstant(beijingToday(), lateTime), lateReason: lateReason.trim(),
          })
        : await callService('visit.checkin', fields);
      Taro.showToast({ title: late ? '已补录，已通知企业' : '签到成功，已通知企业', icon: 'none' });
      onDone(res.visit);
      return LEAVING;
    });
  };

  return (
    <View>
      <View className={`banner ${data.guard.over ? 'banner--warn' : 'banner--info'}`}>
        <View className='banner__title'>无事不扰</View>
        本企业近{data.guard.windowDays}天非企业申请的入企 {data.guard.count} 次（上限 {data.guard.cap} 次）。
        {data.guard.over ? '本次入企已超出频次，须填写入企理由，并报营商环境优化中心备案；回访企业诉求的入企不计入。' : '回访企业诉求的入企不计入频次。'}
      </View>

      <View className='banner banner--info'>
        <View className='banner__title'>核验位置</View>
        {data.presence.registered
          ? `扫码时将获取您的位置，与企业登记位置比对；距离超过 ${data.presence.farMeters} 米的将标红预警。`
          : '本企业尚未登记位置：本次签到的位置将登记为企业位置（标注“取自首次入企”），之后的入企与之比对。'}
      </View>

      {late && (
        <View className='banner banner--danger'>
          <View className='banner__title'>紧急执法事后补录</View>
          仅用于情况紧急、来不及事先扫码的执法检查，须在离开企业前补录（{data.lateMaxHours} 小时内）。补录记录将标记并报送营商环境优化中心。
        </View>
      )}

      <View className='card form'>
        <View className='card__title'>入企人员</View>
        <View className='checkin-me'>
          <View className='member__avatar'>{data.me.name.slice(-1)}</View>
          <View className='checkin-me__body'>
            <Text className='member__name'>{data.me.name}</Text>
            <Text className='member__dept'>{data.me.deptName}</Text>
          </View>
          <Text className='checkin-me__time'>{late ? '事后补录' : formatTime(Date.now(), 'HH:mm')}</Text>
        </View>
      </View>

      {data.plans.length > 0 && (
        <View className='card form'>
          <View className='card__title'>本部门检查计划</View>
          {data.plans.map((p) => (
            <View key={p._id} className={`choice${planId === p._id ? ' choice--active' : ''}`} onClick={() => pickPlan(p._id)}>
              <View className='choice__title'>
                {p.joint ? `联合检查：${p.joint.deptNames.join('、')}` : p.deptName}
              </View>
              <View className='choice__sub'>
                {p.items} · {p.joint ? `${p.joint.from} 至 ${p.joint.to}` : `${p.from} 至 ${p.to}`}
                {p.approvalRef ? ` · ${p.approvalRef}` : ''}
              </View>
            </View>
          ))}
          <View className='hint'>按计划入企，事由、报批备案号和执法依据将自动带入。</View>
        </View>
      )}

      <View className='card form'>
        <Field label='入企事由' required error={errors.purpose}>
          <Chips options={purposes.map((p) => ({ value: p.key, label: p.label }))} value={purpose} onChange={edit('purpose', setPurpose)} />
        </Field>

        {data.requests.length > 0 && !late && (
          <Field label='关联企业诉求' extra={<Text className='field__extra'>选填，企业申请的入企不计入频次</Text>} error={errors.requestId}>
            <Select
              value={requestId}
              emptyLabel='不关联'
              onChange={setRequestId}
              options={data.requests.map((r) => ({ value: r._id, label: `${r.no} ${r.categoryName}（${r.statusLabel}）` }))}
            />
          </Field>
        )}

        <Field label='入企说明' extra={<Text className='field__extra'>选填</Text>}>
          <TextArea className='form-textarea' placeholder='简要说明本次入企要做的事' value={note} maxLength={300} rows={2} onChange={setNote} />
        </Field>

        {inspection && (
          <>
            <Field label='报批备案号' error={errors.approvalRef}>
              <Input className='form-input' placeholder='如：云住建检备〔2026〕112号' value={approvalRef} maxLength={60} onChange={edit('approvalRef', setApprovalRef)} />
              {!approvalRef.trim() && <View className='hint hint--danger'>未填写报批备案号的执法检查将标红预警，并报营商环境优化中心</View>}
            </Field>
            <Field label='执法依据' required error={errors.legalBasis}>
              <TextArea className='form-textarea' placeholder='法律法规名称及条款' value={legalBasis} maxLength={300} rows={2} onChange={edit('legalBasis', setLegalBasis)} />
            </Field>
          </>
        )}

        {needsReason && (
          <Field label='入企理由' required error={errors.reason}>
            <TextArea className='form-textarea' placeholder='说明本次入企的必要性' value={reason} maxLength={300} rows={2} onChange={edit('reason', setReason)} />
          </Field>
        )}

        {late && (
          <>
            <Field label='实际入企时间' required error={errors.startedAt}>
              <DateTimeInput mode='time' value={lateTime} onChange={edit('startedAt', setLateTime)} placeholder='选择今天的入企时间' label='实际入企时间' />
            </Field>
            <Field label='紧急情况说明' required error={errors.lateReason}>
              <TextArea className='form-textarea' placeholder='说明未能事先扫码的紧急情况' value={lateReason} maxLength={300} rows={2} onChange={edit('lateReason', setLateReason)} />
            </Field>
          </>
        )}

        <SubmitButton type={late ? 'danger' : 'primary'} busy={busy} onClick={submit}>{late ? '提交补录' : '确认签到'}</SubmitButton>
      </View>

      <View className='link-row'>
        <Text
          className='link'
          onClick={() => {
            setLate(!late);
            if (!late && purpose && !['inspection', 'joint'].includes(purpose)) setPurpose('');
          }}
        >
          {late ? '返回正常签到' : '紧急执法未能事先扫码？事后补录'}
        </Text>
      </View>
    </View>
  );
}

function VisitSummary({ visit, title }: { visit: StaffVisit; title: string }) {
  return (
    <View className='card'>
      <View className='card__title'>{title}</View>
      <View className='visit-card__tags'>
        <PurposeTag label={visit.purposeLabel} purpose={visit.purpose} />
        <FlagTags flags={visit.flags} />
      </View>
      <VisitFacts visit={visit} />
      <View className='section-title'>入企人员</View>
      <Members members={visit.members} />
    </View>
  );
}

export default function ScanPage() {
  const [result, setResult] = useState<ScanResult | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [closedVisit, setClosedVisit] = useState<StaffVisit | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  useEffect(() => {
    loadMeta().then(setMeta).catch(() => undefined);
  }, []);

  const load = async (s: string) => {
    setError('');
    setClosedVisit(null);
    if (!s) {
      setResult(null);
      return;
    }
    if (signInFirst(VISIT_ROUTES.scan(s))) return;
    setLoading(true);
    try {
      const r = await callService('visit.scan', { scene: s });
      if (r.mode === 'own') {
        Taro.redirectTo({ url: VISIT_ROUTES.history() });
        return;
      }
      if (r.mode === 'official') {
        Taro.redirectTo({ url: VISIT_ROUTES.check(r.scene) });
        return;
      }
      setResult(r);
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  };
  const { scene, scanAgain } = useScene(load);

  /** the place is asked for on scans at this enterprise (加入, 签退); leaving a visit elsewhere sends none */
  const run = async (action: ScanWrite, fields: ActionInput<ScanWrite>, done: string, then: (data: { visit: StaffVisit; closed?: boolean; request?: { no: string } }) => void, scanWhat?: string) => {
    if (busy) return;
    setBusy(true);
    const place = scanWhat ? await placeFor(scanWhat) : {};
    if (!place) {
      setBusy(false);
      return;
    }
    try {
      const data = await callService(action, { ...fields, ...place });
      Taro.showToast({ title: done, icon: 'none' });
      then(data);
    } catch (e) {
      toastError(e);
      load(scene);
    } finally {
      setBusy(false);
    }
  };

  const toDetail = (v: StaffVisit) => Taro.redirectTo({ url: VISIT_ROUTES.detail(v._id) });

  const hero = (title: string, sub: string, tone = '') => (
    <View className={`visit-hero${tone ? ` visit-hero--${tone}` : ''}`}>
      <View className='visit-hero__kicker'>公务入企扫码备案</View>
      <View className='visit-hero__title'>{title}</View>
      {sub && <View className='visit-hero__sub'>{sub}</View>}
    </View>
  );

  let body;
  if (loading && !result) {
    body = <Loading />;
  } else if (error) {
    body = (
      <View className='card state-card'>
        <View className='state-card__icon state-card__icon--danger'>!</View>
        <View className='state-card__title'>无法识别该二维码</View>
        <View className='state-card__text'>{error}</View>
        <View className='actions' style={{ width: '100%' }}>
          <Button type='primary' size='large' block onClick={scanAgain}>
            {SCAN_LABEL}
          </Button>
        </View>
      </View>
    );
  } else if (closedVisit) {
    body = (
      <>
        {hero(closedVisit.enterpriseName, '已签退，企业已收到通知')}
        <View className='card state-card'>
          <View className='state-card__icon state-card__icon--ok'>✓</View>
          <View className='state-card__title'>签退成功</View>
          <View className='state-card__text'>
            {formatTime(closedVisit.checkinAt, 'HH:mm')} 签到，{formatTime(closedVisit.checkoutAt, 'HH:mm')} 签退
            {closedVisit.durationMinutes !== null ? `，用时 ${closedVisit.durationMinutes} 分钟` : ''}。感谢您遵守“无事不扰”要求。
          </View>
        </View>
        <Button size='large' block onClick={() => Taro.reLaunch({ url: ROUTES.home })}>
          返回首页
        </Button>
      </>
    );
  } else if (!result) {
    body = (
      <>
        {hero('扫码入企', '进门扫码签到，离开扫码签退')}
        <View className='card scan-empty'>
          <View className='scan-empty__icon'>⌗</View>
          <View className='scan-empty__title'>扫描企业的公务入企码</View>
          <View className='scan-empty__text'>
            公职人员因公入企，请扫描企业门口张贴的“公务入企 请扫码备案”二维码。
            {process.env.TARO_ENV === 'h5' ? '也可直接用手机相机扫码打开本页。' : ''}
          </View>
          <Button type='primary' size='large' block onClick={scanAgain}>
            {SCAN_LABEL}
          </Button>
        </View>
      </>
    );
  } else if (result.mode === 'stranger') {
    body = (
      <>
        {hero(result.enterprise.name, '公务入企码')}
        <View className='card state-card'>
          <View className='state-card__icon state-card__icon--warn'>i</View>
          <View className='state-card__title'>此码供公职人员入企备案使用</View>
          <View className='state-card__text'>{result.message}</View>
        </View>
        <Button size='large' block onClick={() => Taro.reLaunch({ url: ROUTES.home })}>
          返回首页
        </Button>
      </>
    );
  } else if (result.mode === 'checkin') {
    body = (
      <>
        {hero(result.enterprise.name, result.enterprise.address ?? '')}
        <CheckinForm data={result} scene={scene} onDone={toDetail} />
      </>
    );
  } else if (result.mode === 'join') {
    const v = result.visit;
    body = (
      <>
        {hero(result.enterprise.name, `${v.members.map((m) => m.name).join('、')} 正在入企，扫码加入本次入企`, 'green')}
        <View className='banner banner--info'>
          多部门同时入企请加入同一次入企记录（进一次门、查多项事），企业将收到您的入企通知。
        </View>
        <VisitSummary visit={v} title='进行中的入企' />
        <Button type='primary' size='large' block loading={busy} onClick={() => run('visit.join', { scene }, '已加入，已通知企业', (d) => toDetail(d.visit), '加入')}>
          加入本次入企
        </Button>
      </>
    );
  } else if (result.mode === 'checkout') {
    const v = result.visit;
    body = (
      <>
        {hero(result.enterprise.name, `您已于 ${formatTime(v.members.find((m) => m.leftAt === null)?.joinedAt ?? v.checkinAt)} 签到`, 'green')}
        <VisitSummary visit={v} title='本次入企' />
        <View className='card form'>
          <View className='card__title'>签退</View>
          <CheckoutForm
            categories={meta?.categories ?? []}
            busy={busy}
            submitLabel='签退'
            onSubmit={(f: CheckoutFields) =>
              run('visit.checkout', { scene, ...f }, f.problems ? '已签退，问题已转为诉求' : '已签退，已通知企业', (d) => setClosedVisit(d.visit), '签退')
            }
          />
        </View>
      </>
    );
  } else if (result.mode === 'open_elsewhere') {
    const o = result.other;
    body = (
      <>
        {hero(result.enterprise.name, result.enterprise.address ?? '', 'orange')}
        <View className='banner banner--warn'>
          <View className='banner__title'>上一次入企尚未签退</View>
          您在「{o.enterpriseName}」的入企（{formatTime(o.checkinAt)} 签到）还没有签退。同一时间只能在一家企业签到，请先结束上一次入企。
        </View>
        <VisitSummary visit={o} title={`未签退：${o.enterpriseName}`} />
        <View className='card form'>
          <View className='card__title'>补签退「{o.enterpriseName}」</View>
          <CheckoutForm
            categories={meta?.categories ?? []}
            busy={busy}
            type='warning'
            submitLabel={`签退「${o.enterpriseName}」并继续`}
            onSubmit={(f: CheckoutFields) => run('visit.checkout', { visitId: o._id, ...f }, `已签退「${o.enterpriseName}」`, () => load(scene))}
          />
        </View>
      </>
    );
  }

  return <View className='page scan-page'>{body}</View>;
}
