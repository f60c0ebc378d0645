import { useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Rate } from '@nutui/nutui-react-taro';
import type { Meta } from '../../shared/api-types';
import { formatTime, newClientKey } from '../../shared/format';
import { ROUTES } from '../../shared/routes';
import { VISIT_ROUTES } from '../../shared/visit-routes';
import { callService, errorText, toastError } from '../../services/call';
import { currentMe, loadMeta } from '../../services/profile';
import { useForm } from '../../shared/use-form';
import { ErrorState, Loading } from '../../components/StateView';
import SubmitButton from '../../components/SubmitButton';
import CheckoutForm, { type CheckoutFields } from '../components/CheckoutForm';
import ProblemFields, { NO_PROBLEM, problemErrors, type ProblemDraft } from '../components/ProblemFields';
import { FlagTags, InfoRow, Members, PurposeTag, StatusPill, VisitFacts } from '../components/VisitParts';
import { distanceText, placeFor } from '../location';
import { LOCAL_TEST_UPLOAD, scanScene } from '../scanner';
import { RED_FLAG_KEYS, type OfficialRead, type StaffVisit } from '../types';
import '../visit.css';

/** an official files a problem for the enterprise during the visit (走访代报) */
function FileRequest({ visit, meta, onFiled }: { visit: StaffVisit; meta: Meta | null; onFiled: () => void }) {
  const [problem, setProblem] = useState<ProblemDraft>(NO_PROBLEM);
  const { errors, edited, check, busy, run } = useForm();
  const clientKey = useRef(newClientKey());

  const submit = () => {
    const { category, description, phone } = problem;
    if (busy || !check(problemErrors(problem)) || !category) return;
    run(async () => {
      const res = await callService('visit.fileRequest', {
        visitId: visit._id, clientKey: clientKey.current, category, description: description.trim(), photos: [], phone: phone.trim(),
      });
      Taro.showToast({ title: `已提交 ${res.request.no}，进入分派`, icon: 'none' });
      clientKey.current = newClientKey();
      setProblem({ ...NO_PROBLEM, phone });
      onFiled();
    });
  };

  return (
    <View className='card form'>
      <View className='card__title'>代企业反映问题</View>
      <View className='hint' style={{ marginTop: 0, marginBottom: 10 }}>
        入企中发现的问题可当场代企业提交诉求（走访代报），进入正常分派和办理，企业可跟踪进度并评价。
      </View>
      <ProblemFields categories={meta?.categories ?? []} value={problem} onChange={setProblem} errors={errors} edited={edited} describeLabel='问题描述' />
      <SubmitButton fill='outline' busy={busy} onClick={submit}>提交诉求</SubmitButton>
    </View>
  );
}

export default function VisitDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [detail, setDetail] = useState<OfficialRead | null>(null);
  const [meId, setMeId] = useState('');
  const [meta, setMeta] = useState<Meta | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const [d, me] = await Promise.all([callService('visit.get', { id }), currentMe()]);
      if (d.viewer === 'enterprise') {
        Taro.redirectTo({ url: VISIT_ROUTES.history(id) });
        return;
      }
      setDetail(d);
      setMeId(me.user.id);
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  useDidShow(() => {
    load();
    loadMeta().then(setMeta).catch(() => undefined);
  });

  /** leaving: what was done (and problems found), then the enterprise's code by camera, then where the official stands */
  const checkoutByScan = async (fields: CheckoutFields) => {
    if (busy) return;
    try {
      const scene = await scanScene();
      if (!scene) return;
      setBusy(true);
      const place = await placeFor('签退');
      if (!place) return;
      await callService('visit.checkout', { scene, ...fields, ...place });
      Taro.showToast({ title: fields.problems ? '已签退，问题已转为诉求' : '已签退，已通知企业', icon: 'none' });
      await load();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!detail) return <View className='page'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  const v = detail.visit;
  const present = v.status === 'open' && v.presentIds.includes(meId);
  const sup = detail.viewer === 'supervisor' ? detail.visit : null;
  // red for every reader who sees a red flag (the visiting side sees no feedback flags, so theirs are about conduct)
  const red = v.red || v.flags.some((f) => RED_FLAG_KEYS.includes(f.key));

  return (
    <View className='page'>
      <View className={`visit-hero${red ? ' visit-hero--red' : v.status === 'open' ? ' visit-hero--green' : ''}`}>
        <View className='visit-hero__kicker'>入企记录 {v.no}</View>
        <View className='visit-hero__title'>{v.enterpriseName}</View>
        <View className='visit-hero__sub'>{v.deptNames.join('、')}</View>
      </View>

      <View className='card'>
        <View className='visit-card__head visit-detail__head'>
          <View>
            <PurposeTag label={v.purposeLabel} purpose={v.purpose} />
            <FlagTags flags={v.flags} />
          </View>
          <StatusPill visit={v} />
        </View>
        <VisitFacts visit={v} />
        {v.overCapReason && (
          <InfoRow label='入企理由' tone='warn'>
            {v.overCapReason}（近{v.guard.windowDays}天已入企 {v.guard.count} 次，上限 {v.guard.cap} 次）
          </InfoRow>
        )}
        {v.requestIds.length > 0 && <InfoRow label='代报诉求'>{v.requestIds.length} 件，已进入分派办理</InfoRow>}
        {v.farthest != null && (
          <InfoRow label='位置核验' tone={v.flags.some((f) => f.key === 'far') ? 'danger' : undefined}>
            扫码位置距企业最远 {distanceText(v.farthest)}
          </InfoRow>
        )}
        {sup && (
          <InfoRow label='企业位置'>
            {sup.site
              ? sup.site.source === 'admin'
                ? `管理员登记（${sup.site.latitude.toFixed(5)}, ${sup.site.longitude.toFixed(5)}）`
                : `取自首次入企 ${sup.site.visitNo ?? ''} 的签到位置（${sup.site.latitude.toFixed(5)}, ${sup.site.longitude.toFixed(5)}）`
              : '未登记（无法比对距离）'}
          </InfoRow>
        )}
      </View>

      <View className='card'>
        <View className='card__title'>入企人员</View>
        <Members members={v.members} />
      </View>

      {sup && (
        <View className='card'>
          <View className='card__title'>企业评价与投诉</View>
          <View className='banner banner--info'>评价和投诉对被访部门匿名，仅营商环境优化中心和领导可见。</View>
          <View className='score-line'>
            <Text className='score-line__label'>评分</Text>
            {sup.score ? (
              <>
                <Rate value={Math.round(sup.score.avg)} readOnly />
                <Text className='muted small' style={{ marginLeft: 8 }}>
                  {sup.score.avg} 分 · {sup.score.count} 人评价
                </Text>
              </>
            ) : (
              <Text className='muted small'>暂无评价</Text>
            )}
          </View>
          {sup.feedback.map((f) => (
            <View className='feedback-item' key={f._id}>
              <View className='feedback-item__head'>
                <Text>
                  {f.userName}
                  {f.phone ? ` · ${f.phone}` : ''}
                </Text>
                <Text className={f.kind === 'complaint' ? 'flag-tag flag-tag--red' : 'muted'}>
                  {f.kind === 'complaint' ? '投诉' : `评分 ${f.score} 分`}
                </Text>
              </View>
              {f.text && <View className='feedback-item__text'>{f.text}</View>}
              <View className='muted small'>
                {formatTime(f.createdAt)}
                {f.requestNo && (
                  <Text className='link' onClick={() => Taro.navigateTo({ url: ROUTES.deskDetail(f.requestId!) })}>
                    {' '}· 举报工单 {f.requestNo} ›
                  </Text>
                )}
              </View>
            </View>
          ))}
        </View>
      )}

      {present && <FileRequest visit={v} meta={meta} onFiled={load} />}

      {present && (
        <View className='card form'>
          <View className='card__title'>签退</View>
          <View className='hint' style={{ marginTop: 0, marginBottom: 10 }}>
            离开企业时填写办理情况，再用相机扫描企业的公务入企码签退，扫码时核验位置；超过规定时间未签退的，系统将自动签退并标记。
          </View>
          <CheckoutForm
            categories={meta?.categories ?? []}
            busy={busy}
            submitLabel={process.env.TARO_ENV === 'weapp' ? '扫码签退' : `扫码签退（${LOCAL_TEST_UPLOAD}）`}
            onSubmit={checkoutByScan}
          />
        </View>
      )}
    </View>
  );
}
