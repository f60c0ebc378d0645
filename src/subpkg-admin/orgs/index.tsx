import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { callService, toastError } from '../../services/call';
import type { Input as ActionInput } from '../../../core/contract/answers';
import Field from '../../components/Field';
import { useForm } from '../../shared/use-form';
import { EmptyState, ErrorState, Loading } from '../../components/StateView';
import { useLoadOnShow } from '../../shared/use-query';
import Modal from '../components/Modal';
import ReasonModal from '../components/ReasonModal';
import { Chips, Select, toggle } from '../../components/Select';
import type { AdminOrg, OrgKind } from '../types';
import { ORG_KIND_LABELS, PARENT_KIND } from '../labels';
import { activeDescendants, buildTree, pathOf } from './tree';
import '../admin.css';
import './index.css';

type Dialog =
  | { type: 'create'; kind: OrgKind; parentId: string }
  | { type: 'rename' | 'move' | 'cover' | 'retire'; org: AdminOrg };

const CHILD_KIND: Partial<Record<OrgKind, OrgKind>> = { district: 'street', street: 'community', community: 'grid' };

export default function OrgsPage() {
  const [orgs, setOrgs] = useState<AdminOrg[] | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const { error, load } = useLoadOnShow(() => callService('admin.orgs.list'), (d) => setOrgs(d.orgs));

  const byId = useMemo(() => new Map((orgs ?? []).map((o) => [o.id, o])), [orgs]);
  const tree = useMemo(() => buildTree(orgs ?? []), [orgs]);
  const district = (orgs ?? []).find((o) => o.kind === 'district' && o.active);

  const restore = async (org: AdminOrg) => {
    try {
      await callService('admin.orgs.restore', { id: org.id });
      Taro.showToast({ title: `已恢复${org.name}`, icon: 'none' });
      load();
    } catch (e) {
      toastError(e);
    }
  };

  const done = (text: string) => {
    setDialog(null);
    Taro.showToast({ title: text, icon: 'none' });
    load();
  };

  if (!orgs) {
    return <View className='page page--wide admin'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }

  const ops = (o: AdminOrg) => {
    if (!o.active) {
      return (
        <Text className='op' onClick={() => restore(o)}>
          恢复
        </Text>
      );
    }
    const child = CHILD_KIND[o.kind];
    return (
      <>
        {child && (
          <Text className='op' onClick={() => setDialog({ type: 'create', kind: child, parentId: o.id })}>
            添加{ORG_KIND_LABELS[child].replace(/（.*）/, '')}
          </Text>
        )}
        <Text className='op' onClick={() => setDialog({ type: 'rename', org: o })}>
          重命名
        </Text>
        {(o.kind === 'community' || o.kind === 'grid') && (
          <Text className='op' onClick={() => setDialog({ type: 'move', org: o })}>
            移动
          </Text>
        )}
        {o.kind === 'grid' && (
          <Text className='op' onClick={() => setDialog({ type: 'cover', org: o })}>
            覆盖社区
          </Text>
        )}
        {o.kind !== 'district' && (
          <Text className='op op--danger' onClick={() => setDialog({ type: 'retire', org: o })}>
            撤销
          </Text>
        )}
      </>
    );
  };

  const row = (o: AdminOrg, depth: number) => {
    const covered = o.kind === 'grid' ? (o.communityIds ?? []).filter((id) => id !== o.parentId).map((id) => byId.get(id)?.name ?? id) : [];
    return (
      <View key={o.id} className={`org-row org-row--${o.kind}${o.active ? '' : ' org-row--retired'}`} style={{ paddingLeft: `${12 + depth * 18}px` }}>
        <View className='org-row__name'>
          <Text className={`tag org-kind org-kind--${o.kind}`}>{ORG_KIND_LABELS[o.kind].replace(/（.*）/, '')}</Text>
          <Text className='org-row__text'>{o.name}</Text>
          {!o.active && <Text className='tag tag--grey'>已撤销</Text>}
          {covered.length > 0 && <Text className='org-row__cover'>另覆盖：{covered.join('、')}</Text>}
        </View>
        <View className='org-row__ops'>{ops(o)}</View>
      </View>
    );
  };

  return (
    <View className='page page--wide admin orgs'>
      <View className='admin-toolbar'>
        <Text className='admin-toolbar__grow admin-total'>
          共 {orgs.filter((o) => o.active).length} 个组织{orgs.some((o) => !o.active) ? `，${orgs.filter((o) => !o.active).length} 个已撤销` : ''}
        </Text>
        {district ? (
          <>
            <Button fill='outline' onClick={() => setDialog({ type: 'create', kind: 'department', parentId: district.id })}>
              新建部门
            </Button>
            <Button type='primary' onClick={() => setDialog({ type: 'create', kind: 'street', parentId: district.id })}>
              新建组织
            </Button>
          </>
        ) : (
          <Button type='primary' onClick={() => setDialog({ type: 'create', kind: 'district', parentId: '' })}>
            创建区（县）
          </Button>
        )}
      </View>

      <View className='card org-card'>
        <View className='card__title'>区 · 街道 · 社区 · 网格</View>
        {tree.rows.length === 0 && <EmptyState text='还没有组织，请先创建本区（县）' />}
        {tree.rows.map(({ org, depth }) => row(org, depth))}
      </View>

      <View className='card org-card'>
        <View className='card__title'>职能部门</View>
        {tree.departments.length === 0 && <View className='muted small org-empty'>还没有部门。部门接收督办卡，也是分派规则的去向。</View>}
        {tree.departments.map((d) => row(d, 0))}
      </View>

      {dialog?.type === 'create' && (
        <CreateDialog orgs={orgs} byId={byId} kind={dialog.kind} parentId={dialog.parentId} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.type === 'rename' && <RenameDialog org={dialog.org} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.type === 'move' && <MoveDialog org={dialog.org} orgs={orgs} byId={byId} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.type === 'cover' && <CoverDialog org={dialog.org} orgs={orgs} byId={byId} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.type === 'retire' && <RetireDialog org={dialog.org} orgs={orgs} onClose={() => setDialog(null)} onDone={done} />}
    </View>
  );
}

/** the org actions the dialogs send; each answers the org as it now is */
type OrgWrite = 'admin.orgs.create' | 'admin.orgs.update' | 'admin.orgs.retire';

type DialogProps = { onClose: () => void; onDone: (toast: string) => void };

/** a dialog's form whose `run` sends an org action; field errors from the server land next to their fields */
function useOrgForm() {
  const form = useForm();
  const run = (action: OrgWrite, body: ActionInput<OrgWrite>, ok: (org: AdminOrg) => void) =>
    form.run(async () => {
      const { org } = await callService(action, body);
      ok(org);
    });
  return { ...form, run };
}

const parentOptions = (kind: OrgKind, orgs: AdminOrg[], byId: Map<string, AdminOrg>) => {
  const parentKind = PARENT_KIND[kind];
  return orgs.filter((o) => o.active && o.kind === parentKind).map((o) => ({ value: o.id, label: pathOf(o, byId) }));
};

function CommunityChips({ orgs, byId, parentId, value, onChange }: {
  orgs: AdminOrg[]; byId: Map<string, AdminOrg>; parentId: string; value: string[]; onChange: (v: string[]) => void;
}) {
  const communities = orgs.filter((o) => o.kind === 'community' && (o.active || value.includes(o.id)));
  if (communities.length === 0) return <View className='muted small'>还没有社区</View>;
  return (
    <Chips
      options={communities.map((c) => ({ value: c.id, label: pathOf(c, byId), disabled: c.id === parentId }))}
      value={Array.from(new Set([parentId, ...value].filter(Boolean)))}
      onChange={(id) => onChange(toggle(value, id))}
    />
  );
}

function CreateDialog({ orgs, byId, kind: initialKind, parentId: initialParent, onClose, onDone }: DialogProps & {
  orgs: AdminOrg[]; byId: Map<string, AdminOrg>; kind: OrgKind; parentId: string;
}) {
  const hasDistrict = orgs.some((o) => o.kind === 'district' && o.active);
  const kinds: OrgKind[] = hasDistrict ? ['street', 'community', 'grid', 'department'] : ['district'];
  const [kind, setKind] = useState<OrgKind>(initialKind);
  const [parentId, setParentId] = useState(initialParent);
  const [name, setName] = useState('');
  const [communityIds, setCommunityIds] = useState<string[]>([]);
  const { errors, setErrors, busy, run } = useOrgForm();
  const options = parentOptions(kind, orgs, byId);

  const pickKind = (k: OrgKind) => {
    setKind(k);
    setErrors({});
    // keep the parent when it still fits the new kind, else take the only candidate
    const fits = parentOptions(k, orgs, byId);
    if (!fits.some((o) => o.value === parentId)) setParentId(fits.length === 1 ? fits[0].value : '');
  };

  const ok = () => {
    const e: Record<string, string> = {};
    if (name.trim().length < 2) e.name = '请填写名称（至少2个字）';
    if (kind !== 'district' && !parentId) e.parentId = `请选择所属${ORG_KIND_LABELS[PARENT_KIND[kind]!]}`;
    setErrors(e);
    if (Object.keys(e).length) return;
    const body: ActionInput<'admin.orgs.create'> = { kind, name: name.trim(), parentId: kind === 'district' ? null : parentId };
    if (kind === 'grid') body.communityIds = Array.from(new Set([parentId, ...communityIds]));
    run('admin.orgs.create', body, (org) => onDone(`已创建${org.name}`));
  };

  return (
    <Modal title='新建组织' name='modal--create' busy={busy} okText='创建' onOk={ok} onClose={onClose}>
      <Field label='类型' required>
        <Chips options={kinds.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))} value={kind} onChange={pickKind} />
      </Field>
      {kind !== 'district' && (
        <Field label={`所属${ORG_KIND_LABELS[PARENT_KIND[kind]!]}`} required error={errors.parentId}>
          {options.length === 0 ? (
            <View className='muted small'>请先创建{ORG_KIND_LABELS[PARENT_KIND[kind]!]}</View>
          ) : (
            <Select value={parentId} options={options} placeholder='请选择' onChange={(v) => setParentId(v)} />
          )}
        </Field>
      )}
      <Field label='名称' required error={errors.name}>
        <Input
          className='form-input'
          placeholder={NAME_HINT[kind]}
          value={name}
          maxLength={40}
          onChange={(v) => {
            setName(v);
            setErrors({ ...errors, name: '' });
          }}
        />
      </Field>
      {kind === 'grid' && parentId && (
        <Field label='覆盖社区' error={errors.communityIds} extra={<Text className='field__extra'>网格可跨社区，所属社区必选</Text>}>
          <CommunityChips orgs={orgs} byId={byId} parentId={parentId} value={communityIds} onChange={setCommunityIds} />
        </Field>
      )}
    </Modal>
  );
}

const NAME_HINT: Record<OrgKind, string> = {
  district: '如：云溪区',
  street: '如：东城街道',
  community: '如：东城社区',
  grid: '如：东城一网格',
  department: '如：区自然资源局',
};

function RenameDialog({ org, onClose, onDone }: DialogProps & { org: AdminOrg }) {
  const [name, setName] = useState(org.name);
  const { errors, setErrors, busy, run } = useOrgForm();
  const ok = () => {
    if (name.trim().length < 2) return setErrors({ name: '请填写名称（至少2个字）' });
    if (name.trim() === org.name) return onClose();
    run('admin.orgs.update', { id: org.id, name: name.trim() }, (o) => onDone(`已更名为${o.name}`));
  };
  return (
    <Modal title={`重命名：${org.name}`} name='modal--rename' busy={busy} onOk={ok} onClose={onClose} hint='名称变更后，历史工单中记录的名称保持不变。'>
      <Field label='新名称' required error={errors.name}>
        <Input className='form-input' placeholder='请填写新名称' value={name} maxLength={40} onChange={setName} />
      </Field>
    </Modal>
  );
}

function MoveDialog({ org, orgs, byId, onClose, onDone }: DialogProps & { org: AdminOrg; orgs: AdminOrg[]; byId: Map<string, AdminOrg> }) {
  const [parentId, setParentId] = useState(org.parentId ?? '');
  const { errors, setErrors, busy, run } = useOrgForm();
  const parentKind = PARENT_KIND[org.kind]!;
  const options = parentOptions(org.kind, orgs, byId);
  const ok = () => {
    if (!parentId) return setErrors({ parentId: `请选择新的${ORG_KIND_LABELS[parentKind]}` });
    if (parentId === org.parentId) return onClose();
    const body: ActionInput<'admin.orgs.update'> = { id: org.id, parentId };
    // a grid always covers its own community: swap the old parent for the new one
    if (org.kind === 'grid') body.communityIds = Array.from(new Set([parentId, ...(org.communityIds ?? []).filter((c) => c !== org.parentId)]));
    run('admin.orgs.update', body, (o) => onDone(`已将${o.name}移至${byId.get(parentId)?.name ?? ''}`));
  };
  return (
    <Modal title={`移动：${org.name}`} name='modal--move' busy={busy} okText='移动' onOk={ok} onClose={onClose}
      hint={`当前所属：${org.parentId ? pathOf(byId.get(org.parentId) ?? org, byId) : '—'}。下级组织随之移动。`}>
      <Field label={`新的所属${ORG_KIND_LABELS[parentKind]}`} required error={errors.parentId}>
        <Select value={parentId} options={options} onChange={setParentId} />
      </Field>
    </Modal>
  );
}

function CoverDialog({ org, orgs, byId, onClose, onDone }: DialogProps & { org: AdminOrg; orgs: AdminOrg[]; byId: Map<string, AdminOrg> }) {
  const parentId = org.parentId ?? '';
  const [ids, setIds] = useState<string[]>((org.communityIds ?? []).filter((c) => c !== parentId));
  const { errors, busy, run } = useOrgForm();
  const ok = () => run('admin.orgs.update', { id: org.id, communityIds: Array.from(new Set([parentId, ...ids])) }, (o) => onDone(`已更新${o.name}的覆盖范围`));
  return (
    <Modal title={`覆盖社区：${org.name}`} name='modal--cover' busy={busy} onOk={ok} onClose={onClose} hint='网格员服务所覆盖社区内登记在本网格的企业。所属社区始终覆盖。'>
      <Field label='覆盖社区' error={errors.communityIds}>
        <CommunityChips orgs={orgs} byId={byId} parentId={parentId} value={ids} onChange={setIds} />
      </Field>
    </Modal>
  );
}

function RetireDialog({ org, orgs, onClose, onDone }: DialogProps & { org: AdminOrg; orgs: AdminOrg[] }) {
  const [reason, setReason] = useState('');
  const { errors, setErrors, busy, run } = useOrgForm();
  const live = activeDescendants(org, orgs);
  const ok = () => {
    if (reason.trim().length < 2) return setErrors({ reason: '请填写撤销原因（至少2个字）' });
    run('admin.orgs.retire', { id: org.id, reason: reason.trim() }, (o) => onDone(`已撤销${o.name}`));
  };
  return (
    <ReasonModal
      title={`撤销：${org.name}`}
      name='modal--retire'
      okText='撤销'
      busy={busy}
      hint={
        <View>
          撤销后不再出现在新的选择和分派中，历史记录全部保留，可随时恢复。
          {live > 0 && <View className='org-warn'>其下还有 {live} 个未撤销的下级组织，请先移动或撤销它们。</View>}
        </View>
      }
      placeholder='如：行政区划调整，并入西湖街道'
      value={reason}
      error={errors.reason}
      onChange={setReason}
      onOk={ok}
      onClose={onClose}
    />
  );
}
