import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
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
import { ItemPicker, type ChosenItem } from './items';
import { MAX_DESCRIPTION, MAX_PHOTOS } from '../../../core/contract/limits';
import { SubmitFields } from '../../../core/contract/requests';
import { leafOf, type CategoryCode } from '../../../core/contract/catalog';
import { problemsOf } from '../../../core/contract/schema';

const PHONE_KEY = 'lastPhone';
/** what was typed and not sent yet: kept when the page is left, offered again next time */
const DRAFT_KEY = 'submitDraft';
type Draft = { category: CategoryCode | ''; description: string; item: ChosenItem | null };
const savedDraft = (): Draft => {
  const saved = { category: '', description: '', item: null, ...((Taro.getStorageSync(DRAFT_KEY) as Partial<{ category: string; description: string; item: ChosenItem | null }>) || {}) };
  // an old code (a draft from before the two-level taxonomy) is read as its leaf; an unknown one is dropped
  const category = leafOf(saved.category) ?? '';
  // an item is kept only with its own category (a draft from before the list has none)
  const item = saved.item && typeof saved.item.id === 'string' && saved.item.category === category ? saved.item : null;
  return { category, description: saved.description, item };
};
/** how long 提交成功 shows before the request's page opens: a page change hides a toast at once */
const SUCCESS_MS = 1200;
// same rule as the server: a mobile number, or area code + landline

export default function SubmitPage() {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [metaError, setMetaError] = useState('');
  const [draft] = useState(savedDraft);
  const [category, setCategory] = useState(draft.category);
  // the responsibility-list item chosen (事项清单); none for a category alone or 不确定
  const [item, setItem] = useState<ChosenItem | null>(draft.item);
  const [description, setDescription] = useState(draft.description);
  // the draft follows every change (a few bytes in local storage), so leaving the page loses nothing
  useEffect(() => {
    if (category || description) Taro.setStorageSync(DRAFT_KEY, { category, description, item });
    else Taro.removeStorageSync(DRAFT_KEY);
  }, [category, description, item]);
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
    if (!category) e.category = '请选择诉求类别或事项，拿不准可选“不确定”';
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
        itemId: item?.id ?? null,
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

  if (!meta) {
    return (
      <View className='page'>{metaError ? <ErrorState message={metaError} onRetry={fetchMeta} /> : <Loading />}</View>
    );
  }

  return (
    <View className='page'>
      <View className='card form'>
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

        <Field label='诉求事项' required error={errors.category || errors.itemId}>
          <ItemPicker
            meta={meta}
            description={description}
            category={category}
            item={item}
            choose={(c, it) => {
              setCategory(c);
              setItem(it);
              edited('category');
              edited('itemId');
            }}
          />
        </Field>

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
