import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import type { Meta } from '../../shared/api-types';
import { newClientKey } from '../../shared/format';
import { ROUTES } from '../../shared/routes';
import { callService, errorText } from '../../services/call';
import { loadMeta } from '../../services/profile';
import { offerTopUp } from '../../services/subscribe';
import Field from '../../components/Field';
import PhoneInput from '../../components/PhoneInput';
import { LEAVING, useForm } from '../../shared/use-form';
import { ErrorState, Loading } from '../../components/StateView';
import SubmitButton from '../../components/SubmitButton';
import { PhotoUploader, usePhotoUploads } from '../photos';
import { SimilarRequests, Suggestions, useSuggestions } from './suggestions';
import { MAX_DESCRIPTION, MAX_PHOTOS } from '../../../core/contract/limits';
import { SubmitFields } from '../../../core/contract/requests';
import { CATEGORY_CODES, type CategoryCode } from '../../../core/contract/catalog';
import { problemsOf } from '../../../core/contract/schema';

const PHONE_KEY = 'lastPhone';
/** what was typed and not sent yet: kept when the page is left, offered again next time */
const DRAFT_KEY = 'submitDraft';
type Draft = { category: CategoryCode | ''; description: string };
/** the two-character pieces of a query ("电力增容" → 电力, 力增, 增容): a category matches on any */
const pairsOf = (q: string) => Array.from({ length: Math.max(0, q.length - 1) }, (_, i) => q.slice(i, i + 2));
const savedDraft = (): Draft => {
  const saved = { category: '', description: '', ...((Taro.getStorageSync(DRAFT_KEY) as Partial<Record<keyof Draft, string>>) || {}) };
  // a category the catalog no longer has is dropped: the server would refuse it
  const category = CATEGORY_CODES.find((c) => c === saved.category) ?? '';
  return { category, description: saved.description };
};
/** how long 提交成功 shows before the request's page opens: a page change hides a toast at once */
const SUCCESS_MS = 1200;
// same rule as the server: a mobile number, or area code + landline

export default function SubmitPage() {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [metaError, setMetaError] = useState('');
  const [draft] = useState(savedDraft);
  const [categoryQuery, setCategoryQuery] = useState('');
  const [category, setCategory] = useState(draft.category);
  const [description, setDescription] = useState(draft.description);
  // the draft follows every change (a few bytes in local storage), so leaving the page loses nothing
  useEffect(() => {
    if (category || description) Taro.setStorageSync(DRAFT_KEY, { category, description });
    else Taro.removeStorageSync(DRAFT_KEY);
  }, [category, description]);
  // the knowledge base's answers for what is typed: a known question is answered before it becomes a request
  const suggestions = useSuggestions(description);
  const uploads = usePhotoUploads();
  const [phone, setPhone] = useState(() => (Taro.getStorageSync(PHONE_KEY) as string) || '');
  const { errors, edited, edit, check, busy, run } = useForm();
  // one key per form, reused on retry, so a resent submission cannot create a second request
  const clientKey = useRef(newClientKey());
  // left while 提交成功 showed (back in WeChat): the request's page must not replace the page now shown
  const alive = useRef(true);
  useEffect(() => () => {
    alive.current = false;
  }, []);

  const fetchMeta = () => {
    setMetaError('');
    loadMeta()
      .then(setMeta)
      .catch((e) => setMetaError(errorText(e)));
  };
  useEffect(fetchMeta, []);

  const validate = () => {
    // the server's own schema (core/contract/requests.ts): the same checks and words before sending
    const e = problemsOf(SubmitFields, { category, description, photos: uploads.fileIDs, phone });
    if (!category) e.category = '请选择诉求类别';
    return check(e);
  };

  const submit = () => {
    if (busy || !uploads.settled() || !validate() || !category) return;
    offerTopUp('statusChanged'); // asks only when low on consents; must start inside the tap; never blocks the submission
    run(async () => {
      const res = await callService('request.submit', {
        clientKey: clientKey.current,
        category,
        description: description.trim(),
        photos: uploads.fileIDs,
        phone: phone.trim(),
        shownAnswers: suggestions.shownIds(),
      });
      Taro.setStorageSync(PHONE_KEY, phone.trim());
      Taro.removeStorageSync(DRAFT_KEY);
      // the button stays busy and the mask holds the form while the success shows
      Taro.showToast({ title: '提交成功', icon: 'success', duration: SUCCESS_MS + 300, mask: true });
      await new Promise((done) => setTimeout(done, SUCCESS_MS));
      if (alive.current) Taro.redirectTo({ url: ROUTES.enterpriseDetail(res.request._id) });
      return LEAVING;
    });
  };

  // 24 categories are many for a phone: a search narrows them, and 不确定 (other) is always there
  const q = categoryQuery.trim();
  const shownCategories = meta
    ? meta.categories.filter((c) => c.code === 'other' || c.code === category || !q || c.name.includes(q) || pairsOf(q).some((p) => c.name.includes(p)))
    : [];
  if (!meta) {
    return (
      <View className='page'>{metaError ? <ErrorState message={metaError} onRetry={fetchMeta} /> : <Loading />}</View>
    );
  }

  return (
    <View className='page'>
      <View className='card form'>
        <Field label='诉求类别' required error={errors.category}>
          <Input
            className='form-input category-search'
            placeholder='搜索类别，如：用电、招聘、融资'
            value={categoryQuery}
            maxLength={20}
            onChange={setCategoryQuery}
          />
          <View className='chips'>
            {shownCategories.map((c) => (
              <Text
                key={c.code}
                className={`chip${category === c.code ? ' chip--active' : ''}`}
                onClick={() => {
                  setCategory(c.code);
                  edited('category');
                }}
              >
                {c.code === 'other' ? '不确定，请工作人员分类' : c.name}
              </Text>
            ))}
          </View>
          {shownCategories.length === 1 && categoryQuery.trim() && <View className='muted small'>没有找到“{categoryQuery.trim()}”，可选“不确定”，由工作人员分类</View>}
        </Field>

        <Field label='问题描述' required error={errors.description}>
          <TextArea
            className='form-textarea'
            placeholder='请描述遇到的问题、发生地点和希望得到的帮助'
            value={description}
            maxLength={MAX_DESCRIPTION}
            rows={5}
            onChange={edit('description', setDescription)}
          />
          <View className='counter'>
            {description.length}/{MAX_DESCRIPTION}
          </View>
        </Field>

        <SimilarRequests similar={suggestions.similar} />
        <Suggestions
          answers={suggestions.answers}
          description={description}
          onSolved={() => {
            Taro.removeStorageSync(DRAFT_KEY);
            setTimeout(() => { if (alive.current) Taro.navigateBack().catch(() => Taro.reLaunch({ url: ROUTES.home })); }, SUCCESS_MS);
          }}
        />

        <Field label='现场照片' extra={<Text className='field__extra'>选填，最多 {MAX_PHOTOS} 张</Text>}>
          <PhotoUploader uploads={uploads} />
        </Field>

        <Field label='联系电话' required error={errors.phone}>
          <PhoneInput
            placeholder='承办人员将通过此电话联系您'
            value={phone}
            onChange={edit('phone', setPhone)}
          />
        </Field>
      </View>

      <SubmitButton busy={busy} onClick={submit}>提交</SubmitButton>
    </View>
  );
}
