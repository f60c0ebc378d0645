import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DevUser } from '../../shared/api-types';
import { ROLE_LABELS } from '../../shared/labels';
import { ROUTES } from '../../shared/routes';
import { ApiError, errorText, serverEnvelope, toastError, unwrap } from '../../services/call';
import { getDevToken, setDevToken, setSignInKind, type SignInKind } from '../../services/session';
import { takeAfterLogin } from '../../services/after-login';
import { forgetSession } from '../../services/profile';
import { isInviteCode, normalizeInviteCode, redeemInvite } from '../../services/invite';
import { ErrorState, Loading } from '../../components/StateView';
import InviteCodeInput from '../../components/InviteCodeInput';
import './index.css';

type Group = { label: string; users: DevUser[] };

const ROLE_ORDER = Object.keys(ROLE_LABELS);

function groupByRole(users: DevUser[]): Group[] {
  const groups = new Map<string, Group & { order: number }>();
  for (const u of users) {
    const main = u.roles[0] ?? '';
    const label = u.roleLabel || ROLE_LABELS[main as keyof typeof ROLE_LABELS] || main;
    const order = ROLE_ORDER.indexOf(main) < 0 ? ROLE_ORDER.length : ROLE_ORDER.indexOf(main);
    if (!groups.has(label)) groups.set(label, { label, users: [], order });
    groups.get(label)!.users.push(u);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order);
}

/** The local server's sign-in endpoints (H5 only): same answer shape as the functions. */
async function authFetch<T>(path: string, body?: object, token?: string): Promise<T> {
  const send = () =>
    fetch(path, body
      ? { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }
      : { method: 'GET' });
  const envelope = await serverEnvelope<T>(send, 'NETWORK', '无法连接服务，请检查网络', '服务暂不可用');
  if (envelope && envelope.ok === false) throw new ApiError(envelope.code, envelope.message || '操作失败，请稍后重试', envelope.details);
  return unwrap<T>(envelope);
}
const devFetch = authFetch;

/** signed in: keep the token, forget the previous user's data, go where a scanned code wanted, else home */
async function enter(token: string, kind: SignInKind) {
  setDevToken(token);
  setSignInKind(kind);
  forgetSession();
  await Taro.reLaunch({ url: takeAfterLogin() ?? ROUTES.home });
}

type Tab = 'login' | 'register' | 'invite';
const TAB_LABELS: Record<Tab, string> = { login: '登录', register: '企业注册', invite: '使用邀请码' };

/** A labelled text box: Taro's own input (NutUI's would pull its shared helpers into the main package). */
function Box(props: { label: string; value: string; onInput: (v: string) => void; placeholder: string; password?: boolean; type?: 'text' | 'number'; maxlength?: number }) {
  return (
    <View className='login__field'>
      <Text className='login__label'>{props.label}</Text>
      <Input
        className='form-input login__input'
        placeholder={props.placeholder}
        value={props.value}
        password={props.password}
        type={props.type ?? 'text'}
        maxlength={props.maxlength ?? 64}
        onInput={(e) => props.onInput(e.detail.value)}
      />
    </View>
  );
}

/**
 * Sign-in for the self-hosted deployment: phone + password; enterprises register themselves (and then bind
 * their enterprise as in WeChat); staff open their account with the admin's invite code and set a password.
 * Nothing secret ever goes into a URL.
 */
function PasswordSignIn({ bootstrap }: { bootstrap: boolean }) {
  const [tab, setTab] = useState<Tab>(bootstrap ? 'invite' : 'login');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const check = (): string => {
    if (!/^1[3-9]\d{9}$/.test(phone.trim())) return '请输入11位手机号';
    if (!password) return '请输入密码';
    if (tab === 'login') return '';
    if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码至少 8 位，且同时包含字母和数字';
    if (password !== again) return '两次输入的密码不一致';
    if (tab === 'invite' && !isInviteCode(normalizeInviteCode(code))) return '请输入管理员提供的邀请码';
    return '';
  };

  const submit = async () => {
    if (busy) return;
    const problem = check();
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const path = tab === 'login' ? '/auth/login' : tab === 'register' ? '/auth/register' : '/auth/redeem';
      const body = { phone: phone.trim(), password, ...(tab === 'invite' ? { code: normalizeInviteCode(code) } : {}) };
      const d = await authFetch<{ token: string }>(path, body);
      await enter(d.token, 'password');
    } catch (e) {
      setError(errorText(e));
      setPassword('');
      setAgain('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='page login'>
      <View className='login__head'>
        <View className='login__title'>营商环境 · 诉求直通</View>
        {bootstrap && <View className='login__note'>系统尚无管理员：请选择“使用邀请码”，输入启动时显示的管理员邀请码，并设置您的手机号和密码。</View>}
      </View>
      <View className='login__tabs'>
        {(Object.keys(TAB_LABELS) as Tab[]).map((t) => (
          <View key={t} className={`login__tab${tab === t ? ' login__tab--active' : ''}`} onClick={() => { setTab(t); setError(''); }}>
            {TAB_LABELS[t]}
          </View>
        ))}
      </View>
      <View className='card login__form'>
        {tab === 'invite' && <Box label='邀请码' placeholder='管理员提供的邀请码' value={code} maxlength={12} onInput={(v) => { setCode(v.toUpperCase()); setError(''); }} />}
        <Box label='手机号' placeholder='11位手机号' type='number' maxlength={11} value={phone} onInput={(v) => { setPhone(v); setError(''); }} />
        <Box label='密码' placeholder={tab === 'login' ? '密码' : '至少 8 位，含字母和数字'} password value={password} onInput={(v) => { setPassword(v); setError(''); }} />
        {tab !== 'login' && <Box label='确认密码' placeholder='再次输入密码' password value={again} onInput={(v) => { setAgain(v); setError(''); }} />}
        {error && <View className='field__error login__error'>{error}</View>}
        <Button type='primary' block loading={busy} onClick={submit}>
          {tab === 'login' ? '登录' : tab === 'register' ? '注册并登录' : '开通账号并登录'}
        </Button>
        <View className='login__hint'>
          {tab === 'login' && '连续输错 5 次密码，账号将锁定 15 分钟。忘记密码请联系管理员。'}
          {tab === 'register' && '企业用户注册后，请在首页绑定您的企业（统一社会信用代码）。'}
          {tab === 'invite' && '工作人员首次登录：输入管理员提供的一次性邀请码，并设置您的登录密码。'}
        </View>
      </View>
    </View>
  );
}

/** H5 local mode only: pick a seeded user (or a fresh enterprise user) to act as. */
function DevLogin() {
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');

  const load = () => {
    setError('');
    devFetch<{ users: DevUser[] }>('/dev/users')
      .then((d) => setGroups(groupByRole(d.users)))
      .catch((e) => setError(errorText(e)));
  };
  useEffect(load, []);

  const login = async (key: string, body: object) => {
    if (busy) return;
    setBusy(key);
    try {
      const d = await devFetch<{ token: string }>('/dev/login', body);
      // back to the page a scanned code opened, if that is what sent us here
      await enter(d.token, 'demo');
    } catch (e) {
      toastError(e);
    } finally {
      setBusy('');
    }
  };

  /** staff's first login: a fresh identity (like a new WeChat user) redeems the admin's one-time code */
  const redeemAsNewUser = async () => {
    if (busy) return;
    const c = normalizeInviteCode(code);
    if (!isInviteCode(c)) {
      setCodeError('请输入管理员提供的 8 位邀请码');
      return;
    }
    setBusy('invite');
    try {
      const d = await devFetch<{ token: string }>('/dev/login', { newEnterpriseUser: true });
      setDevToken(d.token);
      forgetSession();
      await redeemInvite(c);
      await Taro.reLaunch({ url: ROUTES.home });
    } catch (e) {
      setCodeError(errorText(e));
      toastError(e);
    } finally {
      setBusy('');
    }
  };

  return (
    <View className='page login'>
      <View className='login__head'>
        <View className='login__title'>本地演示登录</View>
        <View className='login__note'>演示数据：一键登录仅供本机演示使用。正式部署（SEED=empty）使用手机号和密码登录，微信中使用微信身份。</View>
      </View>

      <Button
        type='primary'
        block
        loading={busy === 'new'}
        onClick={() => login('new', { newEnterpriseUser: true })}
      >
        新企业用户（未绑定）
      </Button>

      <View className='card login__invite'>
        <View className='card__title'>使用邀请码</View>
        <View className='login__invite-note'>工作人员首次登录：以新用户身份输入管理员提供的邀请码</View>
        <View className='login__invite-row'>
          <InviteCodeInput
            className='login__invite-input'
            value={code}
            onChange={(c) => {
              setCode(c);
              setCodeError('');
            }}
          />
          <Button type='primary' loading={busy === 'invite'} onClick={redeemAsNewUser}>
            新用户使用邀请码
          </Button>
        </View>
        {codeError && <View className='field__error'>{codeError}</View>}
      </View>

      {error && <ErrorState message={error} onRetry={load} />}
      {!error && !groups && <Loading />}
      {groups?.map((g) => (
        <View className='card login__group' key={g.label}>
          <View className='card__title'>{g.label}</View>
          {g.users.map((u) => (
            <View
              className={`login__user${busy === u.id ? ' login__user--busy' : ''}`}
              key={u.id}
              onClick={() => login(u.id, { userId: u.id })}
            >
              <View className='login__avatar'>{u.name.slice(0, 1)}</View>
              <View className='login__user-body'>
                <Text className='login__user-name'>{u.name}</Text>
                {u.detail && <Text className='login__user-detail'>{u.detail}</Text>}
              </View>
              <Text className='login__go'>{busy === u.id ? '登录中…' : '登录'}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function NotAvailable() {
  useEffect(() => {
    const timer = setTimeout(() => Taro.reLaunch({ url: ROUTES.home }), 1500);
    return () => clearTimeout(timer);
  }, []);
  return (
    <View className='page'>
      <ErrorState message='本地演示登录在小程序中不可用，正在返回首页…' />
    </View>
  );
}

/** 修改密码 (signed in, H5): every other session of this user ends; this browser gets a fresh one. */
function ChangePassword() {
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    const problem = !old ? '请输入原密码' : next.length < 8 || !/[A-Za-z]/.test(next) || !/\d/.test(next) ? '新密码至少 8 位，且同时包含字母和数字' : next !== again ? '两次输入的新密码不一致' : '';
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const d = await authFetch<{ token: string | null }>('/auth/password', { oldPassword: old, newPassword: next }, getDevToken());
      if (d.token) setDevToken(d.token);
      Taro.showToast({ title: '密码已修改，其他设备已退出登录', icon: 'none', duration: 2000 });
      setTimeout(() => Taro.reLaunch({ url: ROUTES.home }), 1200);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <View className='page login'>
      <View className='login__head'><View className='login__title'>修改密码</View></View>
      <View className='card login__form'>
        <Box label='原密码' placeholder='原密码' password value={old} onInput={(v) => { setOld(v); setError(''); }} />
        <Box label='新密码' placeholder='至少 8 位，含字母和数字' password value={next} onInput={(v) => { setNext(v); setError(''); }} />
        <Box label='确认新密码' placeholder='再次输入新密码' password value={again} onInput={(v) => { setAgain(v); setError(''); }} />
        {error && <View className='field__error login__error'>{error}</View>}
        <Button type='primary' block loading={busy} onClick={submit}>确认修改</Button>
        <View className='login__hint'>修改后，您在其他设备上的登录将全部退出。</View>
      </View>
    </View>
  );
}

/** Which sign-in this server offers: the demo's one-tap list, or real accounts (a district's own server). */
function SignIn() {
  const [mode, setMode] = useState<{ mode: 'demo' | 'district'; bootstrap: boolean } | null>(null);
  const [error, setError] = useState('');
  const load = () => {
    setError('');
    authFetch<{ mode: 'demo' | 'district'; bootstrap: boolean }>('/auth/mode', {}).then(setMode).catch((e) => setError(errorText(e)));
  };
  useEffect(load, []);
  if (error) return <View className='page'><ErrorState message={error} onRetry={load} /></View>;
  if (!mode) return <View className='page'><Loading /></View>;
  if (Taro.getCurrentInstance().router?.params?.tab === 'password' && getDevToken()) return <ChangePassword />;
  return mode.mode === 'demo' ? <DevLogin /> : <PasswordSignIn bootstrap={mode.bootstrap} />;
}

export default function LoginPage() {
  return process.env.TARO_ENV === 'h5' ? <SignIn /> : <NotAvailable />;
}
