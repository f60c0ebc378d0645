import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { Meta } from '../../shared/api-types';
import { newClientKey } from '../../shared/format';
import { ROUTES } from '../../shared/routes';
import { callService, errorText } from '../../services/call';
import { loadMeta } from '../../services/profile';
import { LEAVING, useForm } from '../../shared/use-form';
import { ErrorState, Loading } from '../../components/StateView';
import SubmitButton from '../../components/SubmitButton';
import ProblemFields, { NO_PROBLEM, problemErrors, type ProblemDraft } from '../../subpkg-visit/components/ProblemFields';
import EnterprisePicker, { type EnterpriseOption as Option } from '../../components/EnterprisePicker';
import './index.css';

/** how long the success shows before the request's page opens */
const SUCCESS_MS = 1200;

/** 代报: a liaison or grid officer files a problem an enterprise told them of, for that enterprise */
export default function FileForPage() {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [metaError, setMetaError] = useState('');
  const [ent, setEnt] = useState<Option | null>(null);
  const [problem, setProblem] = useState<ProblemDraft>(NO_PROBLEM);
  const { errors, edited, check, busy, run } = useForm();
  const clientKey = useRef(newClientKey());
  const alive = useRef(true);
  useEffect(() => () => { alive.current = false; }, []);
  const fetchMeta = () => {
    setMetaError('');
    loadMeta().then(setMeta).catch((e) => setMetaError(errorText(e)));
  };
  useEffect(fetchMeta, []);

  const submit = () => {
    const { category, description, phone } = problem;
    if (busy || !ent || !check(problemErrors(problem)) || !category) return;
    run(async () => {
      const res = await callService('request.fileFor', {
        enterpriseId: ent.id, clientKey: clientKey.current, category, description: description.trim(), photos: [], phone: phone.trim(),
      });
      Taro.showToast({ title: res.told ? '已代报，企业将收到通知' : '已代报', icon: 'success', duration: SUCCESS_MS + 300, mask: true });
      await new Promise((done) => setTimeout(done, SUCCESS_MS));
      if (alive.current) Taro.redirectTo({ url: ROUTES.officerDetail(res.request._id) });
      return LEAVING;
    });
  };

  if (!meta) return <View className='page'>{metaError ? <ErrorState message={metaError} onRetry={fetchMeta} /> : <Loading />}</View>;
  if (!ent) return <View className='page'><View className='card'><View className='card__title'>选择企业</View><EnterprisePicker onPick={setEnt} /></View></View>;
  return (
    <View className='page'>
      <View className='card form'>
        <View className='file-for__chosen'>
          <View>
            <View className='muted small'>代以下企业反映</View>
            <Text className='file-for__name'>{ent.name}</Text>
          </View>
          <Text className='link' onClick={() => setEnt(null)}>更换</Text>
        </View>
        <View className='hint'>
          {ent.hasContact
            ? '提交后进入正常分派和办理，企业联系人会收到通知，可在“我的诉求”中跟踪进度并评价。'
            : '该企业尚未绑定联系人：诉求照常分派办理，企业绑定后可在“我的诉求”中查看。'}
        </View>
        <ProblemFields categories={meta.categories} value={problem} onChange={setProblem} errors={errors} edited={edited} describeLabel='问题描述' />
      </View>
      <SubmitButton busy={busy} onClick={submit}>代企业提交</SubmitButton>
    </View>
  );
}
