/**
 * 可能对您有帮助: while the enterprise describes its problem, the knowledge base's best answers
 * (kb.suggest, core/knowledge). "已解决，不用提交" counts an instant answer and ends the submission;
 * "仍需提交" folds the answers away, and the request records which answers were shown.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Answer } from '../../../core/contract/answers';
import { MAX_SHOWN_ANSWERS } from '../../../core/contract/knowledge';
import { callService, errorText } from '../../services/call';
import { newClientKey } from '../../shared/format';
import { ROUTES } from '../../shared/routes';
import './suggestions.css';

type Suggested = Answer<'kb.suggest'>['answers'][number];
type Similar = Answer<'kb.suggest'>['similar'][number];

/** a pause in typing before asking, and the least text worth asking about */
const PAUSE_MS = 700;
const MIN_CHARS = 6;

/** the answers for the description as typed, and every answer shown so far (what the request records) */
export function useSuggestions(description: string) {
  const [answers, setAnswers] = useState<Suggested[]>([]);
  const [similar, setSimilar] = useState<Similar[]>([]);
  const shown = useRef<string[]>([]);
  const asked = useRef('');
  useEffect(() => {
    const text = description.trim();
    if ([...text].length < MIN_CHARS) {
      setAnswers([]);
      setSimilar([]);
      return undefined;
    }
    const timer = setTimeout(() => {
      if (text === asked.current) return;
      asked.current = text;
      // suggestions help; they never stand in the way: a failure shows nothing
      callService('kb.suggest', { text })
        .then((r) => {
          if (asked.current !== text) return;
          setAnswers(r.answers);
          setSimilar(r.similar);
          for (const a of r.answers) if (!shown.current.includes(a.id) && shown.current.length < MAX_SHOWN_ANSWERS) shown.current.push(a.id);
        })
        .catch(() => {});
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [description]);
  return { answers, similar, shownIds: () => [...shown.current] };
}

/** an answer's text with its [links](https://…): opened in the browser, copied in WeChat (no outside pages there) */
function AnswerText({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]+\]\(https?:\/\/[^)\s]+\))/g);
  return (
    <Text className='kb-answer__text'>
      {parts.map((p, i) => {
        const link = /^\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)$/.exec(p);
        if (!link) return p;
        const [, label, url] = link;
        const open = () => {
          if (process.env.TARO_ENV === 'h5') window.open(url, '_blank', 'noopener');
          else Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: '链接已复制，请在浏览器中打开', icon: 'none' }));
        };
        return <Text key={i} className='kb-answer__link' onClick={open}>{label}</Text>;
      })}
    </Text>
  );
}

/** the enterprise's own open requests that look like this one: add to one (补充说明) rather than file it twice */
export function SimilarRequests({ similar }: { similar: Similar[] }) {
  if (!similar.length) return null;
  return (
    <View className='kb-suggestions kb-similar'>
      <View className='kb-suggestions__title'>您已有相似的诉求正在办理</View>
      {similar.map((r) => (
        <View key={r.id} className='kb-answer kb-similar__item' onClick={() => Taro.navigateTo({ url: `${ROUTES.enterpriseDetail(r.id)}&note=1` })}>
          <View className='kb-answer__question'>{r.no} · {r.statusName}</View>
          <View className='kb-answer__text'>{r.description}</View>
          <View className='kb-answer__link'>同一问题请在原诉求中补充说明 ›</View>
        </View>
      ))}
    </View>
  );
}

type Props = {
  answers: Suggested[];
  description: string;
  /** after 已解决: the draft is dropped and the page left */
  onSolved: () => void;
};

export function Suggestions({ answers, description, onSolved }: Props) {
  const [folded, setFolded] = useState<string>('');
  const [busy, setBusy] = useState('');
  const key = answers.map((a) => a.id).join(',');
  if (!answers.length || folded === key) return null;
  const solved = async (a: Suggested) => {
    if (busy) return;
    setBusy(a.id);
    try {
      await callService('kb.helped', { entryId: a.id, clientKey: newClientKey(), text: description.trim() });
      Taro.showToast({ title: '很高兴帮到您', icon: 'success' });
      onSolved();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setBusy('');
    }
  };
  return (
    <View className='kb-suggestions'>
      <View className='kb-suggestions__title'>这些答复也许能解决您的问题</View>
      {answers.map((a) => (
        <View key={a.id} className='kb-answer'>
          <View className='kb-answer__question'>{a.question}</View>
          <AnswerText text={a.answer} />
          <View className='muted small kb-answer__meta'>{[a.categoryName, a.department].filter(Boolean).join(' · ')}</View>
          <Button size='small' type='primary' fill='outline' loading={busy === a.id} onClick={() => solved(a)}>已解决，不用提交</Button>
        </View>
      ))}
      <View className='kb-suggestions__more' onClick={() => setFolded(key)}>没有解决，仍需提交 ›</View>
    </View>
  );
}
