import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DevUser } from '../../shared/api-types';
import { ROLE_LABELS } from '../../shared/labels';
import { ROUTES } from '../../shared/routes';
import { ApiError, errorText, toastError, unwrap } from '../../services/call';
import { setDevToken } from '../../services/session';
import { takeAfterLogin } from '../../services/after-login';
import { forgetSession } from '../../services/profile';
import { isInviteCode, normalizeInviteCode, redeemInvite } from '../../services/invite';
import { ErrorState, Loading } from '../../components/StateView';
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

async function devFetch<T>(path: string, body?: object): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, body
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : { method: 'GET' });
  } catch {
    throw new ApiError('NETWORK', '无法连接本地服务');
  }
  let envelope;
  try {
    envelope = await res.json();
  } catch {
    throw new ApiError('NETWORK', `本地服务不可用（HTTP ${res.status}）`);
  }
  return unwrap<T>(envelope);
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
      setDevToken(d.token);
      forgetSession();
      // back to the page a scanned code opened, if that is what sent us here
      await Taro.reLaunch({ url: takeAfterLogin() ?? ROUTES.home });
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
        <View className='login__note'>仅本地模式可用，正式环境使用微信身份</View>
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
          {/* Taro's own input: NutUI's would pull its shared helpers into the main package */}
          <Input
            className='form-input login__invite-input'
            placeholder='8 位邀请码'
            value={code}
            maxlength={12}
            onInput={(e) => {
              setCode(e.detail.value.toUpperCase());
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

export default function LoginPage() {
  return process.env.TARO_ENV === 'h5' ? <DevLogin /> : <NotAvailable />;
}
