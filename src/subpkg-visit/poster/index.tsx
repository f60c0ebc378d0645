import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text, Image, Canvas } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { callService, errorText, toastError } from '../../services/call';
import { composePoster, saveToAlbum, shareImage } from '../save-image';
import { downloadPosterH5 } from './compose';
import { ErrorState, Loading } from '../../components/StateView';
import { codeSrc } from '../code-image';
import type { Poster } from '../types';
import '../visit.css';
import './index.css';

/** the hidden canvas the poster is composed on in WeChat (save-image.ts composePoster) */
const CANVAS_ID = 'poster-canvas';

/**
 * The printable poster an enterprise puts up at its entrance: 公务入企 请扫码备案. 保存到相册 / 分享
 * (WeChat) and 下载海报图片 (H5) give the whole poster as one image (./compose.ts), not the code alone.
 */
export default function PosterPage() {
  const { params } = useRouter();
  const enterpriseId = params.enterpriseId || undefined;
  const [poster, setPoster] = useState<Poster | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [making, setMaking] = useState(false);

  const load = async () => {
    try {
      setPoster(await callService('visit.poster', { enterpriseId }));
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const print = () => {
    if (process.env.TARO_ENV === 'h5') {
      window.print();
      return;
    }
    // WeChat: open the code full screen, where it can be saved and printed
    if (poster) Taro.previewImage({ urls: [codeSrc(poster.code.image)] });
  };

  /** the poster as one image on the phone, composed when asked (WeChat) */
  const composed = () => async () => {
    Taro.showLoading({ title: '正在生成海报', mask: true });
    try {
      return await composePoster(poster!, CANVAS_ID);
    } finally {
      Taro.hideLoading();
    }
  };
  const download = async () => {
    if (!poster || making) return;
    setMaking(true);
    try {
      await downloadPosterH5(poster, codeSrc(poster.code.image));
    } catch {
      Taro.showToast({ title: '海报生成失败，请稍后重试', icon: 'none' });
    } finally {
      setMaking(false);
    }
  };

  const renew = async () => {
    const ok = await Taro.showModal({
      title: '作废并重新生成',
      content: '旧二维码将立即失效（例如海报被仿冒或遗失）。重新生成后请打印新海报替换。',
      confirmText: '重新生成',
    }).then((r) => r.confirm, () => false);
    if (!ok || busy) return;
    setBusy(true);
    try {
      await callService('visit.code', { enterpriseId, renew: true });
      Taro.showToast({ title: '已重新生成，请打印新海报', icon: 'none' });
      await load();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!poster) return <View className='page'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;

  return (
    <View className='page poster-page'>
      <View className='poster'>
        <View className='poster__band'>营商环境 · 无事不扰 有求必应</View>
        <View className='poster__title'>公务入企 请扫码备案</View>
        <View className='poster__ent'>{poster.enterprise.name}</View>
        <View className='poster__qr-wrap'>
          <View className='poster__qr-frame'>
            <Image className='poster__qr' src={codeSrc(poster.code.image)} showMenuByLongpress />
          </View>
        </View>
        <View className='poster__scan'>公职人员 进门扫码签到 · 离开扫码签退</View>
        <View className='poster__rules'>
          {poster.rules.map((r, i) => (
            <View className='poster__rule' key={i}>
              <Text className='poster__rule-no'>{i + 1}</Text>
              <Text className='poster__rule-text'>{r}</Text>
            </View>
          ))}
        </View>
        <View className='poster__complain'>
          <View className='poster__complain-title'>投诉监督 · {poster.complaint.center}</View>
          <View className='poster__complain-note'>{poster.complaint.note}</View>
          {poster.complaint.channels.map((c) => (
            <View className='poster__complain-line' key={c}>
              · {c}
            </View>
          ))}
        </View>
        <View className='poster__foot'>
          <Text>统一社会信用代码 {poster.enterprise.creditCode}</Text>
          <Text>{poster.enterprise.address}</Text>
        </View>
      </View>

      <View className='poster-tools no-print'>
        <Button type='primary' size='large' block onClick={print}>
          {process.env.TARO_ENV === 'h5' ? '打印海报' : '查看大图'}
        </Button>
        {process.env.TARO_ENV === 'h5' ? (
          <>
            <View className='poster-tools__row'>
              <Button size='large' fill='outline' onClick={download}>{making ? '正在生成…' : '下载海报图片'}</Button>
            </View>
            <View className='poster-tools__row'>
              <a className='link' href={codeSrc(poster.code.image)} download={`${poster.enterprise.name}-入企扫码.png`}>仅下载二维码</a>
            </View>
          </>
        ) : (
          <View className='poster-tools__row'>
            <Button size='large' fill='outline' onClick={() => saveToAlbum(composed())}>保存到相册</Button>
            <Button size='large' fill='outline' onClick={() => shareImage(composed())}>分享</Button>
          </View>
        )}
        <View className='poster-tools__hint'>请张贴在企业入口显眼处。二维码仅对应本企业，无法由他人伪造。</View>
        {process.env.TARO_ENV !== 'h5' && <Canvas type='2d' id={CANVAS_ID} className='poster-canvas' />}
        <View className='link-row'>
          <Text className='link' onClick={renew}>
            {busy ? '正在生成…' : '二维码遗失或被仿冒？作废并重新生成'}
          </Text>
        </View>
      </View>
    </View>
  );
}
