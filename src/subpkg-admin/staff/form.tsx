import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { callService } from '../../services/call';
import Field from '../../components/Field';
import PhoneInput from '../../components/PhoneInput';
import { useForm } from '../../shared/use-form';
import Modal from '../components/Modal';
import { Chips, Select, toggle } from '../../components/Select';
import type { AdminOrg, Invite, StaffItem, StaffRole } from '../types';
import { ORG_KIND_LABELS, STAFF_ROLES } from '../labels';
import { pathOf } from '../orgs/tree';
import { PHONE_PATTERN } from '../../../core/contract/limits';
import type { Input as ActionInput } from '../../../core/contract/answers';

const DEFAULT_CAPACITY = 10;

type Props = {
  /** null: invite a new person */
  staff: StaffItem | null;
  orgs: AdminOrg[];
  onClose: () => void;
  onInvited: (name: string, invite: Invite) => void;
  onSaved: (name: string) => void;
};

/** Invite a person (name, phone, roles and where they work) or edit one. */
export default function StaffForm({ staff, orgs, onClose, onInvited, onSaved }: Props) {
  const [name, setName] = useState(staff?.name ?? '');
  const [phone, setPhone] = useState(staff?.phone ?? '');
  const [roles, setRoles] = useState<StaffRole[]>((staff?.roles ?? []).filter((r): r is StaffRole => STAFF_ROLES.some((s) => s.value === r)));
  const [gridIds, setGridIds] = useState<string[]>(staff?.gridIds ?? []);
  const [departmentId, setDepartmentId] = useState(staff?.departmentId ?? '');
  const [orgId, setOrgId] = useState(staff?.orgId ?? '');
  const [capacity, setCapacity] = useState(String(staff?.capacity ?? DEFAULT_CAPACITY));
  const { errors, edited, check, busy, run } = useForm();

  const byId = new Map(orgs.map((o) => [o.id, o]));
  const has = (r: StaffRole) => roles.includes(r);
  const needsGrids = has('officer');
  const needsDept = has('department') || has('liaison');
  const needsCenter = has('dispatcher');
  const handles = has('officer') || has('liaison');

  const grids = orgs.filter((o) => o.kind === 'grid' && (o.active || gridIds.includes(o.id)));
  const departments = orgs.filter((o) => o.kind === 'department' && (o.active || o.id === departmentId));
  const centers = orgs.filter((o) => ['district', 'street', 'community'].includes(o.kind) && (o.active || o.id === orgId));

  const validate = () => {
    const e: Record<string, string> = {};
    if (name.trim().length < 2) e.name = '请填写姓名';
    if (phone.trim() && !PHONE_PATTERN.test(phone.trim())) e.phone = '请填写11位手机号或座机号';
    if (roles.length === 0) e.roles = '请至少选择一个角色';
    if (needsGrids && gridIds.length === 0) e.gridIds = '网格员请至少选择一个网格';
    if (has('department') && !departmentId) e.departmentId = '部门承办人请选择所在部门';
    if (needsCenter && !orgId) e.orgId = '调度员请选择所在的营商环境优化中心';
    const cap = Number(capacity);
    if (handles && (!Number.isInteger(cap) || cap < 1 || cap > 200)) e.capacity = '承办容量应为 1-200 的整数';
    return check(e, { quiet: true });
  };

  const submit = async () => {
    if (busy || !validate()) return;
    const body: ActionInput<'admin.staff.invite'> = {
      name: name.trim(),
      phone: phone.trim(),
      roles,
      gridIds: needsGrids ? gridIds : [],
      departmentId: needsDept && departmentId ? departmentId : null,
      orgId: needsCenter ? orgId : null,
    };
    if (handles) body.capacity = Number(capacity);
    run(async () => {
      if (staff) {
        const { user } = await callService('admin.staff.update', { id: staff.id, ...body });
        onSaved(user.name);
      } else {
        const { user, invite } = await callService('admin.staff.invite', body);
        onInvited(user.name, invite);
      }
    });
  };

  return (
    <Modal
      title={staff ? `编辑：${staff.name}` : '邀请人员'}
      name='modal--staff'
      busy={busy}
      okText={staff ? '保存' : '生成邀请码'}
      onOk={submit}
      onClose={onClose}
      hint={staff ? undefined : '保存后生成一次性邀请码，本人首次使用时绑定其微信身份。'}
    >
      <View className='form-grid'>
        <View className='form-col form-col--half'>
          <Field label='姓名' required error={errors.name}>
            <Input className='form-input' placeholder='真实姓名' value={name} maxLength={20} onChange={(v) => { setName(v); edited('name'); }} />
          </Field>
        </View>
        <View className='form-col form-col--half'>
          <Field label='手机号' error={errors.phone}>
            <PhoneInput placeholder='11位手机号' value={phone} onChange={(v) => { setPhone(v); edited('phone'); }} />
          </Field>
        </View>
        <View className='form-col'>
          <Field label='角色' required error={errors.roles} extra={<Text className='field__extra'>可多选</Text>}>
            <Chips options={STAFF_ROLES} value={roles} onChange={(r) => { setRoles(toggle(roles, r)); edited('roles'); }} />
          </Field>
        </View>
        {needsGrids && (
          <View className='form-col'>
            <Field label='负责网格' required error={errors.gridIds}>
              {grids.length === 0 ? (
                <View className='muted small'>还没有网格，请先在组织架构中创建</View>
              ) : (
                <Chips
                  options={grids.map((g) => ({ value: g.id, label: pathOf(g, byId) }))}
                  value={gridIds}
                  onChange={(g) => { setGridIds(toggle(gridIds, g)); edited('gridIds'); }}
                />
              )}
            </Field>
          </View>
        )}
        {needsDept && (
          <View className='form-col form-col--half'>
            <Field label='所在部门' required={has('department')} error={errors.departmentId}>
              <Select
                value={departmentId}
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
                emptyLabel={has('department') ? undefined : '不属于部门'}
                placeholder='请选择部门'
                onChange={(v) => { setDepartmentId(v); edited('departmentId'); }}
              />
            </Field>
          </View>
        )}
        {needsCenter && (
          <View className='form-col form-col--half'>
            <Field label='所在中心' required error={errors.orgId}>
              <Select
                value={orgId}
                options={centers.map((c) => ({ value: c.id, label: `${pathOf(c, byId)} 营商环境优化中心（${ORG_KIND_LABELS[c.kind].replace(/（.*）/, '')}级）` }))}
                placeholder='请选择优化中心'
                onChange={(v) => { setOrgId(v); edited('orgId'); }}
              />
            </Field>
          </View>
        )}
        {handles && (
          <View className='form-col form-col--half'>
            <Field label='承办容量' required error={errors.capacity} extra={<Text className='field__extra'>同时在办诉求上限</Text>}>
              <Input className='form-input input-number' type='number' placeholder='如：10' value={capacity} maxLength={3} onChange={(v) => { setCapacity(v); edited('capacity'); }} />
            </Field>
          </View>
        )}
      </View>
    </Modal>
  );
}
