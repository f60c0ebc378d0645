import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Rate, TextArea } from '@nutui/nutui-react-taro';
import { ROUTES } from '../../shared/routes';
import { VISIT_ROUTES } from '../../shared/visit-routes';
import { useListPageEvents, usePagedList } from '../../shared/use-paged-list';
import { callService, toastError } from '../../services/call';
import type { ActionName } from '../../../core/contract/actions';
import { ListFooter, ListState } from '../../components/StateView';
import { Members, VisitCard, VisitFacts } from '../components/VisitParts';
import { LOCAL_TEST_UPLOAD, scanScene } from '../scanner';
import type { EnterpriseVisit, MyVisits } from '../types';
import '../visit.css';
import './index.css';

const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** score and complaint of one visit: anonymous toward the visiting department; no star is chosen for the enterprise */
function Feedback({ visit, onDone }: { visit: EnterpriseVisit; onDone: () => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [complaining, setComplaining] = useState(false);
  const [complaint, setComplaint] = useState('');
  const [busy, setBusy] = useState('');

  const send = async (key: string, action: ActionName, fields: object, done: string) => {
    if (busy) return;
    setBusy(key);
    try {
      await callService(action, { visitId: visit._id, ...fields });
      Taro.showToast({ title: done, icon: 'none' });
      onDone();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy('');
    }
  };

  const submitScore = () => {
    if (!score) return Taro.showToast({ title: '请选择评分', icon: 'none' });
    send('score', 'visit.score', { score, comment: comment.trim() }, '感谢评价');
  };
  const submitComplaint = async () => {
    if (complaint.trim().length < 5) return Taro.showToast({ title: '投诉内容至少5个字', icon: 'none' });
    const ok = await Taro.showModal({
      title: '确认投诉',
      content: '投诉将转区营商环境优化中心调度处理，被投诉部门看不到投诉人。',
      confirmText: '提交投诉',
    }).then((r) => r.confirm, () => false);
    if (ok) send('complain', 'visit.complain', { text: complaint.trim() }, '投诉已受理');
  };

  return (
    <View className='feedback-box'>
      {visit.myScore && (
        <View className='score-line'>
          <Text className='score-line__label'>我的评价</Text>
          <Rate value={visit.myScore.score ?? undefined} readOnly />
          {visit.myScore.text && <View className='feedback-done'>{visit.myScore.text}</View>}
        </View>
      )}
      {visit.canScore && (
        <View className='visit-score'>
          <View className='feedback-box__title'>为本次入企评分（对被访部门匿名）</View>
          <View className='visit-score__stars'>
            <Rate value={score} onChange={(v) => setScore(Math.max(1, v))} />
            {score ? <Text className='visit-score__word'>{SCORE_WORDS[score]}</Text> : <Text className='visit-score__hint'>请点选星级</Text>}
          </View>
          <TextArea className='form-textarea history__comment' placeholder='说说本次入企的感受（选填）' value={comment} maxLength={300} rows={2} onChange={setComment} />
          <View className='actions'>
            <Button type='primary' size='small' loading={busy === 'score'} onClick={submitScore}>
              提交评价
            </Button>
          </View>
        </View>
      )}
      {visit.myComplaint && (
        <View className='feedback-done'>
          <Text className='flag-tag flag-tag--red'>已投诉</Text>
          {visit.myComplaint.requestNo && visit.myComplaint.requestId && (
            <Text className='link' onClick={() => Taro.navigateTo({ url: ROUTES.enterpriseDetail(visit.myComplaint!.requestId!) })}>
              工单 {visit.myComplaint.requestNo}，查看办理进度 ›
            </Text>
          )}
        </View>
      )}
      {visit.canComplain && !complaining && (
        <View className='history__complain-link'>
          <Text className='link history__danger-link' onClick={() => setComplaining(true)}>
            投诉本次入企
          </Text>
        </View>
      )}
      {visit.canComplain && complaining && (
        <View className='history__complain'>
          <View className='feedback-box__title'>投诉（对被访部门匿名，由营商环境优化中心处理）</View>
          <TextArea className='form-textarea' placeholder='如：未扫码入企、吃拿卡要、重复检查、态度粗暴等' value={complaint} maxLength={500} rows={3} onChange={setComplaint} />
          <View className='button-row'>
            <Button size='small' onClick={() => setComplaining(false)}>
              取消
            </Button>
            <Button type='danger' size='small' loading={busy === 'complain'} onClick={submitComplaint}>
              提交投诉
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

export default function VisitHistoryPage() {
  const { params } = useRouter();
  const focus = params.id ?? '';
  const [open, setOpen] = useState<string>(focus);
  const list = usePagedList<EnterpriseVisit, MyVisits>((page) => callService('visit.mine', { page }));
  const first = list.last;

  useListPageEvents(list);

  const checkOfficial = async () => {
    try {
      const scene = await scanScene();
      if (scene) Taro.navigateTo({ url: VISIT_ROUTES.check(scene) });
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <View className='page'>
      <View className='visit-hero'>
        <View className='visit-hero__kicker'>无事不扰 · 有求必应</View>
        <View className='visit-hero__title'>本企业入企记录</View>
        {first && (
          <View className='visit-hero__sub'>
            近{first.guard.windowDays}天非企业申请的公务入企 {first.guard.count} 次（上限 {first.guard.cap} 次），共 {first.total} 条记录
          </View>
        )}
      </View>

      <View className='button-row history__tools'>
        <Button size='large' onClick={() => Taro.navigateTo({ url: VISIT_ROUTES.poster() })}>
          本企业公务入企码
        </Button>
        <Button type='primary' size='large' onClick={checkOfficial}>
          核验来访人员
        </Button>
      </View>
      {process.env.TARO_ENV === 'h5' && <View className='hint history__local-test'>核验来访人员：{LOCAL_TEST_UPLOAD}（小程序中用相机扫码）</View>}

      {first && first.notices.length > 0 && (
        <>
          <View className='section-title'>检查预告</View>
          {first.notices.map((n) => (
            <View className='card notice' key={n._id}>
              <View className='notice__head'>
                <Text className='notice__title'>{n.joint ? `联合检查：${n.joint.deptNames.join('、')}` : n.deptName}</Text>
                <Text className='notice__when'>
                  {n.from} 至 {n.to}
                </Text>
              </View>
              <View className='notice__text'>检查事项：{n.items}</View>
              <View className='notice__text muted'>
                执法依据：{n.legalBasis}
                {n.approvalRef ? ` · 报批备案号：${n.approvalRef}` : ''}
              </View>
              {n.joint && <View className='notice__joint'>进一次门、查多项事：多部门检查合并为一次</View>}
            </View>
          ))}
        </>
      )}

      <View className='section-title'>入企记录</View>
      <ListState list={list} empty='暂无公务人员入企记录' />
      {list.items.map((v) => (
        <VisitCard
          key={v._id}
          visit={v}
          showEnterprise={false}
          highlight={v._id === focus}
          extra={
            <View>
              {open === v._id && (
                <View className='history__facts'>
                  <VisitFacts visit={v} />
                  <Members members={v.members} />
                </View>
              )}
              <View className='history__more' onClick={() => setOpen(open === v._id ? '' : v._id)}>
                {open === v._id ? '收起' : '查看详情 ›'}
              </View>
              <Feedback visit={v} onDone={list.reload} />
            </View>
          }
        />
      ))}
      <ListFooter loading={list.loading} hasMore={list.hasMore} count={list.items.length} />
      <View className='history__footer'>
        评价和投诉对被访部门匿名，仅营商环境优化中心可见。如遇未扫码入企、吃拿卡要、重复检查，欢迎投诉。
      </View>
    </View>
  );
}
