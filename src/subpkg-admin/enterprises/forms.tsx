import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { wgs84ToGcj02 } from '../../shared/gcj02';
import { callService } from '../../services/call';
import Field from '../../components/Field';
import { useForm } from '../../shared/use-form';
import Modal from '../components/Modal';
import { Select } from '../../components/Select';
import type { AdminOrg, EnterpriseItem, StaffItem } from '../types';
import { SCALES } from '../labels';
import { pathOf } from '../orgs/tree';
import { PHONE_PATTERN } from '../../../core/contract/limits';
import type { Input as ActionInput } from '../../../core/contract/answers';

// GB 32100-2015: 18 characters from digits and capital letters except I, O, S, V, Z (the server checks the check character)
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** the registered location (core/admin/enterprises.ts): the admin's, or taken from the first visit's check-in */
export type EnterpriseLocation = {
  latitude: number;
  longitude: number;
  source: 'admin' | 'first_visit';
  setAt: string;
  setByName: string;
  visitNo: string | null;
};
export type LocatedEnterprise = EnterpriseItem & { location?: EnterpriseLocation | null };

export const locationLabel = (l: EnterpriseLocation | null | undefined) =>
  !l ? '未登记' : l.source === 'admin' ? `管理员登记（${l.setByName}）` : `取自首次入企 ${l.visitNo ?? ''}（${l.setByName}签到）`;

const hereInWeChat = () => Taro.getLocation({ type: 'gcj02', isHighAccuracy: true }).then((r) => ({ latitude: r.latitude, longitude: r.longitude }));
const hereInBrowser = () => Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: 10_000 }).then((r) => wgs84ToGcj02(r.latitude, r.longitude));
/** where this device is, in GCJ-02 (WeChat gives it; a browser gives WGS-84, converted); each build keeps its own */
const hereGcj02 = (): Promise<{ latitude: number; longitude: number }> => (process.env.TARO_ENV === 'weapp' ? hereInWeChat() : hereInBrowser());

type FormProps = { enterprise: LocatedEnterprise | null; orgs: AdminOrg[]; onClose: () => void; onSaved: (name: string) => void };

const FIELDS = ['name', 'creditCode', 'address', 'gridId', 'industry', 'scale', 'contactName', 'contactPhone'] as const;
type Form = Record<(typeof FIELDS)[number], string>;

/** Add or edit one enterprise of the registry. */
export function EnterpriseForm({ enterprise: e, orgs, onClose, onSaved }: FormProps) {
  const [form, setForm] = useState<Form>(() => {
    const f = {} as Form;
    for (const k of FIELDS) f[k] = e ? String(e[k] ?? '') : '';
    return f;
  });
  const [lat, setLat] = useState(e?.location ? String(e.location.latitude) : '');
  const [lng, setLng] = useState(e?.location ? String(e.location.longitude) : '');
  const [locating, setLocating] = useState(false);
  const { errors, setErrors, edited, check, busy, run } = useForm();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const editCoord = (k: 'latitude' | 'longitude', set: (v: string) => void) => (v: string) => {
    set(v.trim());
    edited(k);
  };
  const here = async () => {
    if (locating) return;
    setLocating(true);
    try {
      const p = await hereGcj02();
      setLat(p.latitude.toFixed(6));
      setLng(p.longitude.toFixed(6));
      setErrors((x) => ({ ...x, latitude: '', longitude: '' }));
    } catch {
      Taro.showToast({ title: '无法获取当前位置，请允许使用位置信息或手动填写', icon: 'none' });
    } finally {
      setLocating(false);
    }
  };
  const grids = orgs.filter((o) => o.kind === 'grid' && (o.active || o.id === form.gridId));
  const set = (k: keyof Form) => (v: string) => {
    setForm((f) => ({ ...f, [k]: k === 'creditCode' ? v.toUpperCase() : v }));
    edited(k);
  };

  const validate = () => {
    const x: Record<string, string> = {};
    if (form.name.trim().length < 2) x.name = '请填写企业全称';
    const code = form.creditCode.replace(/\s+/g, '');
    if (!code) x.creditCode = '请填写统一社会信用代码';
    else if (!CREDIT_CODE.test(code)) x.creditCode = '统一社会信用代码应为 18 位数字或大写字母';
    if (!form.gridId) x.gridId = '请选择所属网格';
    if (form.contactPhone.trim() && !PHONE_PATTERN.test(form.contactPhone.trim())) x.contactPhone = '请填写手机号或座机号';
    if (lat || lng) {
      const la = Number(lat);
      const lo = Number(lng);
      if (!lat || !Number.isFinite(la) || la < -90 || la > 90) x.latitude = '纬度应为 -90 到 90 之间的数字';
      if (!lng || !Number.isFinite(lo) || lo < -180 || lo > 180) x.longitude = '经度应为 -180 到 180 之间的数字';
    }
    return check(x, { quiet: true });
  };

  const save = () => {
    if (busy || !validate()) return;
    run(async () => {
      const body: ActionInput<'admin.enterprises.save'> = {
        ...(e ? { id: e.id } : {}),
        ...(Object.fromEntries(FIELDS.map((k) => [k, k === 'creditCode' ? form[k].replace(/\s+/g, '') : form[k].trim()])) as Form),
      };
      // both coordinates: the location; both cleared: no location (the next visit's check-in sets it)
      if (lat && lng) body.location = { latitude: Number(lat), longitude: Number(lng) };
      else if (e?.location) body.location = null;
      const { enterprise } = await callService('admin.enterprises.save', body);
      onSaved(enterprise.name);
    });
  };

  const text = (k: keyof Form, label: string, placeholder: string, opts: { required?: boolean; half?: boolean; max?: number } = {}) => (
    <View className={`form-col${opts.half === false ? '' : ' form-col--half'}`}>
      <Field label={label} required={opts.required} error={errors[k]}>
        <Input className='form-input' placeholder={placeholder} value={form[k]} maxLength={opts.max ?? 60} onChange={set(k)} />
      </Field>
    </View>
  );

  return (
    <Modal title={e ? `编辑：${e.name}` : '新增企业'} name='modal--enterprise' busy={busy} okText='保存' onOk={save} onClose={onClose}>
      <View className='form-grid'>
        {text('name', '企业名称', '与营业执照一致', { required: true, half: false, max: 100 })}
        {text('creditCode', '统一社会信用代码', '18 位', { required: true, max: 24 })}
        <View className='form-col form-col--half'>
          <Field label='所属网格' required error={errors.gridId}>
            <Select value={form.gridId} options={grids.map((g) => ({ value: g.id, label: pathOf(g, byId) }))} placeholder='请选择网格' onChange={set('gridId')} />
          </Field>
        </View>
        {text('address', '地址', '生产经营地址', { half: false, max: 120 })}
        {text('industry', '行业', '如：装备制造')}
        <View className='form-col form-col--half'>
          <Field label='规模' error={errors.scale}>
            <Select value={form.scale} options={SCALES.map((s) => ({ value: s, label: s }))} emptyLabel='未填写' onChange={set('scale')} />
          </Field>
        </View>
        {text('contactName', '联系人', '企业联系人姓名', { max: 20 })}
        {text('contactPhone', '联系电话', '手机号或座机', { max: 20 })}
        <View className='form-col'>
          <Field
            label='企业位置（GCJ-02）'
            error={errors.latitude || errors.longitude}
            extra={<Text className='field__extra'>当前：{locationLabel(e?.location)}</Text>}
          >
            <View className='ent-location'>
              <Input className='form-input ent-location__input' placeholder='纬度，如 30.274100' value={lat} maxLength={12} onChange={editCoord('latitude', setLat)} />
              <Input className='form-input ent-location__input' placeholder='经度，如 120.155100' value={lng} maxLength={12} onChange={editCoord('longitude', setLng)} />
              <Button size='small' fill='outline' loading={locating} onClick={here}>
                取当前位置
              </Button>
            </View>
            <View className='ent-location__hint'>
              公务入企扫码时与此位置比对，超过规定距离的标红预警。不填写的，取首次入企签到的位置；清空两项即取消登记。
            </View>
          </Field>
        </View>
      </View>
    </Modal>
  );
}

type StewardProps = { enterprise: EnterpriseItem; orgs: AdminOrg[]; onClose: () => void; onSaved: () => void };

/** 包联: the responsible leader, department and liaison of one enterprise. */
export function StewardshipForm({ enterprise: e, orgs, onClose, onSaved }: StewardProps) {
  const [leaderId, setLeaderId] = useState(e.leaderId ?? '');
  const [departmentId, setDepartmentId] = useState(e.departmentId ?? '');
  const [liaisonId, setLiaisonId] = useState(e.liaisonId ?? '');
  const [leaders, setLeaders] = useState<StaffItem[] | null>(null);
  const [liaisons, setLiaisons] = useState<StaffItem[] | null>(null);
  const { errors, busy, run } = useForm();

  useEffect(() => {
    // every active person of the role, page by page (the list answers one page at a time)
    const people = async (role: 'leader' | 'liaison'): Promise<StaffItem[]> => {
      const all: StaffItem[] = [];
      try {
        for (let page = 1; page <= 100; page++) {
          const d = await callService('admin.staff.list', { role, page });
          all.push(...d.items);
          if (!d.items.length || all.length >= d.total) break;
        }
      } catch {
        // what was read so far still serves the picker
      }
      return all;
    };
    people('leader').then(setLeaders);
    people('liaison').then(setLiaisons);
  }, []);

  // keep a current choice visible even when that person or department is no longer listed
  const withCurrent = (list: { value: string; label: string }[], id: string | null, name: string) =>
    id && !list.some((o) => o.value === id) ? [{ value: id, label: name || id }, ...list] : list;
  const departments = withCurrent(
    orgs.filter((o) => o.kind === 'department' && o.active).map((d) => ({ value: d.id, label: d.name })),
    e.departmentId,
    e.departmentName,
  );
  const leaderOptions = withCurrent((leaders ?? []).map((p) => ({ value: p.id, label: p.name })), e.leaderId, e.leaderName);
  const liaisonOptions = withCurrent(
    (liaisons ?? []).map((p) => ({ value: p.id, label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name })),
    e.liaisonId,
    e.liaisonName,
  );

  const save = () =>
    run(async () => {
      await callService('admin.stewardship.set', {
        enterpriseId: e.id,
        leaderId: leaderId || null,
        departmentId: departmentId || null,
        liaisonId: liaisonId || null,
      });
      onSaved();
    });

  return (
    <Modal
      title={`包联：${e.name}`}
      name='modal--stewardship'
      busy={busy}
      okText='保存'
      onOk={save}
      onClose={onClose}
      hint='包联实行“领导 + 部门 + 特派员”。设置特派员后，该企业的新诉求优先分派给特派员。'
    >
      <Field label='包联领导' error={errors.leaderId}>
        <Select value={leaderId} options={leaderOptions} emptyLabel={leaders ? '不设置' : '加载中…'} onChange={setLeaderId} />
      </Field>
      <Field label='包联部门' error={errors.departmentId}>
        <Select value={departmentId} options={departments} emptyLabel='不设置' onChange={setDepartmentId} />
      </Field>
      <Field label='企业特派员' error={errors.liaisonId} extra={<Text className='field__extra'>角色为“特派员”的人员</Text>}>
        <Select value={liaisonId} options={liaisonOptions} emptyLabel={liaisons ? '不设置' : '加载中…'} onChange={setLiaisonId} />
      </Field>
    </Modal>
  );
}
