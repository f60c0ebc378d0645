import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { Page } from '../../shared/api-types';
import { ApiError, callService, toastError } from '../../services/call';
import Field, { fieldErrors } from '../../components/Field';
import Modal from '../components/Modal';
import { Select } from '../../components/Select';
import type { AdminOrg, EnterpriseItem, StaffItem } from '../types';
import { SCALES } from '../labels';
import { pathOf } from '../orgs/tree';

// GB 32100-2015: 18 characters from digits and capital letters except I, O, S, V, Z (the server checks the check character)
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

type FormProps = { enterprise: EnterpriseItem | null; orgs: AdminOrg[]; onClose: () => void; onSaved: (name: string) => void };

const FIELDS = ['name', 'creditCode', 'address', 'gridId', 'industry', 'scale', 'contactName', 'contactPhone'] as const;
type Form = Record<(typeof FIELDS)[number], string>;

/** Add or edit one enterprise of the registry. */
export function EnterpriseForm({ enterprise: e, orgs, onClose, onSaved }: FormProps) {
  const [form, setForm] = useState<Form>(() => {
    const f = {} as Form;
    for (const k of FIELDS) f[k] = e ? String(e[k] ?? '') : '';
    return f;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const grids = orgs.filter((o) => o.kind === 'grid' && (o.active || o.id === form.gridId));
  const set = (k: keyof Form) => (v: string) => {
    setForm((f) => ({ ...f, [k]: k === 'creditCode' ? v.toUpperCase() : v }));
    setErrors((x) => (x[k] ? { ...x, [k]: '' } : x));
  };

  const validate = () => {
    const x: Record<string, string> = {};
    if (form.name.trim().length < 2) x.name = '请填写企业全称';
    const code = form.creditCode.replace(/\s+/g, '');
    if (!code) x.creditCode = '请填写统一社会信用代码';
    else if (!CREDIT_CODE.test(code)) x.creditCode = '统一社会信用代码应为 18 位数字或大写字母';
    if (!form.gridId) x.gridId = '请选择所属网格';
    if (form.contactPhone.trim() && !PHONE.test(form.contactPhone.trim())) x.contactPhone = '请填写手机号或座机号';
    setErrors(x);
    return Object.keys(x).length === 0;
  };

  const save = async () => {
    if (busy || !validate()) return;
    setBusy(true);
    try {
      const body: Record<string, unknown> = { ...(e ? { id: e.id } : {}) };
      for (const k of FIELDS) body[k] = k === 'creditCode' ? form[k].replace(/\s+/g, '') : form[k].trim();
      const { enterprise } = await callService<{ enterprise: EnterpriseItem }>('admin.enterprises.save', body);
      onSaved(enterprise.name);
    } catch (err) {
      if (err instanceof ApiError && err.details.length) setErrors(fieldErrors(err.details));
      toastError(err);
    } finally {
      setBusy(false);
    }
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const people = (role: string) =>
      callService<Page<StaffItem>>('admin.staff.list', { role, page: 1, pageSize: 200 }).then((d) => d.items).catch(() => [] as StaffItem[]);
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

  const save = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await callService('admin.stewardship.set', {
        enterpriseId: e.id,
        leaderId: leaderId || null,
        departmentId: departmentId || null,
        liaisonId: liaisonId || null,
      });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.details.length) setErrors(fieldErrors(err.details));
      toastError(err);
    } finally {
      setBusy(false);
    }
  };

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
