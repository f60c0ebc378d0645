import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Switch } from '@nutui/nutui-react-taro';
import type { NotifySettings, TemplateState } from '../../shared/api-types';
import { callService, toastError } from '../../services/call';
import { getSignInKind } from '../../services/session';
import { canAskConsent, onNotifySettings, requestSubscribe, syncSettings, type SystemSetting } from '../../services/subscribe';
import { ErrorState, Loading } from '../../components/StateView';
import { useLoadOnShow } from '../../shared/use-query';
import '../me.css';

const UNDO_PATH = '小程序右上角「…」→「设置」→「通知管理」';

/** WeChat will not ask (or not deliver) whatever we do: refused for good, banned, or every message switched off */
const refused = (t: TemplateState, mainSwitch: boolean | null) =>
  t.always === 'reject' || t.always === 'ban' || t.state === 'ban' || mainSwitch === false;

function tone(t: TemplateState, mainSwitch: boolean | null): 'good' | 'warn' | 'bad' | 'muted' {
  if (!t.templateId || !t.relevant) return 'muted';
  if (refused(t, mainSwitch) || t.state === 'reject') return 'bad';
  if (t.longTerm || t.credits > 0) return t.topUp ? 'warn' : 'good';
  return 'warn';
}

export default function NotifySettingsPage() {
  const [settings, setSettings] = useState<NotifySettings | null>(null);
  const [system, setSystem] = useState<SystemSetting | null>(null);
  const [smsBusy, setSmsBusy] = useState(false);

  const inWeChat = process.env.TARO_ENV === 'weapp';
  const demo = process.env.TARO_ENV === 'h5' && getSignInKind() === 'demo';
  /** a district's browser: no WeChat at all */
  const browserOnly = !inWeChat && !demo;

  const { error, load } = useLoadOnShow(syncSettings, ({ system: sys, settings: s }) => {
    setSystem(sys);
    setSettings(s);
  });
  // an answer reported in the background (this page's taps, or one made elsewhere) shows at once
  useEffect(() => onNotifySettings(setSettings), []);

  if (!settings) {
    return <View className='page'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }

  const ask = (t: TemplateState) => {
    // must run synchronously in the tap: WeChat shows its sheet only then
    requestSubscribe(t.key).then((results) => {
      const a = results?.[t.templateId];
      if (a === 'accept') Taro.showToast({ title: t.kind === 'long' ? '已开启长期提醒' : '已补充 1 次提醒', icon: 'none' });
      else if (a === 'reject') Taro.showToast({ title: '未允许，提醒次数没有增加', icon: 'none' });
      else if (a === 'ban') Taro.showToast({ title: '该提醒已被微信限制', icon: 'none' });
      else if (a === 'filter') Taro.showToast({ title: '该提醒暂不可用', icon: 'none' });
      else if (inWeChat) Taro.showToast({ title: `未能打开授权窗口，请在${UNDO_PATH}中检查`, icon: 'none', duration: 3000 });
    });
  };

  const setOptIn = async (optIn: boolean) => {
    if (smsBusy) return;
    setSmsBusy(true);
    try {
      setSettings(await callService('notify.smsOptIn', { optIn }));
      Taro.showToast({ title: optIn ? '已开启短信提醒' : '已关闭短信提醒', icon: 'none' });
    } catch (e) {
      toastError(e);
    } finally {
      setSmsBusy(false);
    }
  };

  const mainSwitch = system ? system.mainSwitch : settings.mainSwitch;
  const { sms } = settings;
  const enterprise = sms.optIn !== null;

  const row = (t: TemplateState) => {
    const configured = !!t.templateId;
    const blocked = refused(t, mainSwitch);
    const canAsk = !browserOnly && canAskConsent() && t.relevant && configured && !blocked;
    const offer = canAsk && (t.topUp || t.kind === 'once');
    return (
      <View className={`tpl${t.relevant ? '' : ' tpl--off'}`} key={t.key}>
        <View className='tpl__head'>
          <Text className='tpl__name'>{t.name}</Text>
          <Text className='tag tpl__kind'>{t.kind === 'long' ? '长期订阅' : '一次性订阅'}</Text>
        </View>
        <Text className={`tpl__label tpl__label--${tone(t, mainSwitch)}`}>{t.label}</Text>
        {!t.relevant && <Text className='tpl__note'>当前角色不会收到此类提醒</Text>}
        {t.relevant && configured && blocked && <Text className='tpl__note'>如需恢复，请在{UNDO_PATH}中打开</Text>}
        {offer && (
          <View className='tpl__action'>
            <Button size='small' type={t.topUp ? 'primary' : 'default'} onClick={() => ask(t)}>
              {t.kind === 'long' ? '开启长期提醒' : '补充提醒次数'}
            </Button>
          </View>
        )}
      </View>
    );
  };

  return (
    <View className='page me-notify'>
      {browserOnly ? (
        <View className='card notice notice--warn'>浏览器中无法接收微信提醒，请在微信小程序中开启。下方短信提醒与消息中心在浏览器中照常可用。</View>
      ) : (
        <View className='card'>
          <View className='card__title'>微信提醒</View>
          {demo && <View className='notice notice--demo'>演示环境：浏览器中没有微信，点按钮会弹出模拟的微信订阅授权窗口，所选结果按真实授权记录。</View>}
          <View className='sys-switch'>
            <Text className='sys-switch__name'>微信「接收通知」总开关</Text>
            <Text className={`sys-switch__state sys-switch__state--${mainSwitch === false ? 'off' : mainSwitch ? 'on' : 'unknown'}`}>
              {mainSwitch === false ? '已关闭' : mainSwitch ? '已开启' : demo ? '演示环境无系统开关' : '未读取'}
            </Text>
          </View>
          {mainSwitch === false && <View className='tpl__note sys-switch__note'>总开关关闭时收不到任何微信提醒，请在{UNDO_PATH}中打开「接收通知」。</View>}
          {settings.templates.map(row)}
        </View>
      )}

      <View className='card'>
        <View className='card__title'>短信提醒</View>
        {!sms.available && <View className='muted small sms-line'>本系统尚未开通短信提醒（部署方配置短信账号后可用）。</View>}
        <View className='sms-line'>
          <Text className='sms-line__key'>手机号</Text>
          <Text>{sms.phone ?? (enterprise ? '未登记' : '未登记，请联系管理员在人员信息中登记')}</Text>
        </View>
        {enterprise ? (
          <View className='sms-optin'>
            <View className='sms-optin__text'>
              <Text className='sms-optin__title'>同时接收短信提醒</Text>
              <Text className='muted small'>开启后，需补充材料、办结、不予受理等进展也会发短信到上面的手机号</Text>
            </View>
            <Switch checked={!!sms.optIn} disabled={smsBusy || !sms.available || (!sms.optIn && !sms.phone)} onChange={(v) => setOptIn(v)} />
          </View>
        ) : (
          <View className='sms-line sms-line--block'>
            <Text className='sms-line__key'>以下提醒会发短信</Text>
            {sms.routes.length ? (
              <View className='sms-routes'>
                {sms.routes.map((r) => (
                  <Text className='sms-route' key={r}>
                    {r}
                  </Text>
                ))}
              </View>
            ) : (
              <Text className='muted'>当前角色没有短信提醒</Text>
            )}
          </View>
        )}
        {enterprise && sms.optIn && sms.routes.length > 0 && <View className='muted small sms-line'>短信内容：{sms.routes.join('；')}</View>}
        {sms.quietHours && <View className='muted small sms-line'>免打扰：{sms.quietHours}（紧急提醒除外）。</View>}
        <View className='muted small sms-line'>每人每日最多 {sms.dailyCap} 条短信，超出的提醒仍可在消息中心查看。</View>
      </View>

      <View className='card me-help'>
        <View className='card__title'>说明</View>
        <View className='me-help__item'>
          <Text className='me-help__q'>一次性提醒与长期提醒</Text>
          <Text className='me-help__a'>微信规定：一次性提醒每点一次「允许」，可接收 1 条；用完后需再补充。长期提醒开启一次，在您关闭之前一直有效。</Text>
        </View>
        <View className='me-help__item'>
          <Text className='me-help__q'>「总是保持以上选择，不再询问」是什么</Text>
          <Text className='me-help__a'>
            勾选后，微信不再弹出授权窗口，以后每次都按同样的选择处理：若当时选的是「允许」，此后每次点「补充提醒次数」、进入我的工单、签收或提交时，都会静默增加 1 次提醒次数；若选的是「取消」，则不再增加。
          </Text>
        </View>
        <View className='me-help__item'>
          <Text className='me-help__q'>拒绝或被限制后如何恢复</Text>
          <Text className='me-help__a'>在{UNDO_PATH}中打开「接收通知」和对应的提醒，然后回到本页点「补充提醒次数」或「开启长期提醒」。</Text>
        </View>
        <View className='me-help__item'>
          <Text className='me-help__q'>收不到微信提醒会怎样</Text>
          <Text className='me-help__a'>所有提醒都会保存在消息中心；按管理员设置的规则，新工单、催办等重要工作提醒还会发短信。</Text>
        </View>
      </View>
    </View>
  );
}
