import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatDate } from '../../shared/format';
import { callService, toastError } from '../../services/call';
import { useQuery } from '../../shared/use-query';
import type { ActionName } from '../../../core/contract/actions';
import { currentMe } from '../../services/profile';
import ReasonModal from '../components/ReasonModal';
import { Chips } from '../../components/Select';
import { LEAVING, useForm } from '../../shared/use-form';
import Modal from '../components/Modal';
import Pager from '../components/Pager';
import { AdminCell, AdminListState, AdminSearch, AdminTableHead } from '../components/ListParts';
import InviteCodeDialog from '../components/InviteCode';
import type { AdminOrg, Invite, StaffItem, StaffRole } from '../types';
import { STAFF_ROLES } from '../labels';
import StaffForm from './form';
import '../admin.css';
import './index.css';

type Dialog =
  | { type: 'form'; staff: StaffItem | null }
  | { type: 'code'; name: string; invite: Invite }
  | { type: 'deactivate'; staff: StaffItem }
  | { type: 'reinvite'; staff: StaffItem }
  | { type: 'requeued'; name: string; requeued: number };

const ROLE_FILTERS = [{ value: '' as const, label: '全部' }, ...STAFF_ROLES];

export default function StaffPage() {
  const [role, setRole] = useState<StaffRole | ''>('');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  // the home's 待激活邀请 opens this list with ?unbound=1
  const { params } = useRouter();
  const [unbound, setUnbound] = useState(params.unbound === '1');
  const [page, setPage] = useState(1);
  const [orgs, setOrgs] = useState<AdminOrg[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busyId, setBusyId] = useState('');
  /** the admin's own row: no 停用 (the server refuses it too) */
  const [meId, setMeId] = useState('');
  useEffect(() => {
    currentMe().then((m) => setMeId(m.user.id)).catch(() => undefined);
  }, []);
  const loadOrgs = () => callService('admin.orgs.list').then((d) => setOrgs(d.orgs)).catch(() => undefined);
  const { data, loading, error, load } = useQuery(
    () => callService('admin.staff.list', { role: role || undefined, q: query || undefined, includeInactive, unbound, page }),
    [role, query, includeInactive, unbound, page],
    { refetchOnShow: true, alongside: loadOrgs },
  );

  const search = () => {
    setPage(1);
    setQuery(q.trim());
  };

  const act = async (s: StaffItem, action: ActionName, body: object, toast: string) => {
    if (busyId) return;
    setBusyId(s.id);
    try {
      await callService(action, { id: s.id, ...body });
      Taro.showToast({ title: toast, icon: 'none' });
      load();
    } catch (e) {
      toastError(e);
    } finally {
      setBusyId('');
    }
  };

  const items = data?.items ?? [];

  return (
    <View className='page page--wide admin staff'>
      <View className='card admin-filters'>
        <Chips
          className='chips--filter'
          options={ROLE_FILTERS}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
        />
        <View className='admin-toolbar'>
          <AdminSearch placeholder='姓名或手机号' q={q} setQ={setQ} search={search} />
          <Text
            className={`chip${includeInactive ? ' chip--active' : ''}`}
            onClick={() => {
              setIncludeInactive(!includeInactive);
              setPage(1);
            }}
          >
            含已停用
          </Text>
          <Text
            className={`chip${unbound ? ' chip--active' : ''}`}
            onClick={() => {
              setUnbound(!unbound);
              setPage(1);
            }}
          >
            未激活
          </Text>
          <Button type='primary' onClick={() => setDialog({ type: 'form', staff: null })}>
            邀请人员
          </Button>
        </View>
      </View>

      <AdminListState data={data} error={error} load={load} empty={items.length === 0} emptyText={unbound && !query && !role ? '邀请都已激活' : query || role || unbound ? '没有符合条件的人员' : '还没有工作人员，点击「邀请人员」开始'} />
      {data && items.length > 0 && (
        <View className='row-table admin-table staff-table'>
          <AdminTableHead cells={['姓名', '手机号', '角色', '网格 / 部门 / 中心', '在办/容量', '状态', '操作']} />
          {items.map((s) => (
            <StaffRow
              key={s.id}
              s={s}
              self={s.id === meId}
              busy={busyId === s.id}
              onEdit={() => setDialog({ type: 'form', staff: s })}
              onDuty={() => act(s, 'admin.staff.update', { onDuty: !s.onDuty }, s.onDuty ? `${s.name}已设为离岗` : `${s.name}已设为在岗`)}
              onDeactivate={() => setDialog({ type: 'deactivate', staff: s })}
              onActivate={() => act(s, 'admin.staff.activate', {}, `已启用${s.name}`)}
              onReinvite={() => setDialog({ type: 'reinvite', staff: s })}
              onShowCode={() => s.invite && setDialog({ type: 'code', name: s.name, invite: s.invite })}
            />
          ))}
        </View>
      )}
      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} loading={loading} onPage={setPage} />}

      {dialog?.type === 'form' && (
        <StaffForm
          staff={dialog.staff}
          orgs={orgs}
          onClose={() => setDialog(null)}
          onInvited={(name, invite) => {
            setDialog({ type: 'code', name, invite });
            load();
          }}
          onSaved={(name) => {
            setDialog(null);
            Taro.showToast({ title: `已保存${name}`, icon: 'none' });
            load();
          }}
        />
      )}
      {dialog?.type === 'code' && <InviteCodeDialog name={dialog.name} invite={dialog.invite} onClose={() => setDialog(null)} />}
      {dialog?.type === 'deactivate' && (
        <DeactivateDialog
          staff={dialog.staff}
          onClose={() => setDialog(null)}
          onDone={(requeued) => {
            setDialog({ type: 'requeued', name: dialog.staff.name, requeued });
            load();
          }}
        />
      )}
      {dialog?.type === 'requeued' && (
        <Modal title={`已停用 ${dialog.name}`} name='modal--requeued' noOk onClose={() => setDialog(null)}>
          <View className='staff-requeued'>
            {dialog.requeued > 0 ? `已将 ${dialog.requeued} 件在办诉求重新分派` : '该人员没有在办诉求'}
          </View>
        </Modal>
      )}
      {dialog?.type === 'reinvite' && (
        <ReinviteDialog
          staff={dialog.staff}
          onClose={() => setDialog(null)}
          onDone={(invite) => {
            setDialog({ type: 'code', name: dialog.staff.name, invite });
            load();
          }}
        />
      )}
    </View>
  );
}

type RowProps = {
  s: StaffItem;
  self: boolean;
  busy: boolean;
  onEdit: () => void;
  onDuty: () => void;
  onDeactivate: () => void;
  onActivate: () => void;
  onReinvite: () => void;
  onShowCode: () => void;
};

function StaffRow({ s, self, busy, onEdit, onDuty, onDeactivate, onActivate, onReinvite, onShowCode }: RowProps) {
  const handles = s.roles.includes('officer') || s.roles.includes('liaison');
  const where = [s.gridNames, s.departmentName, s.orgName].filter(Boolean).join(' · ');
  const expired = !!s.invite && Date.parse(s.invite.expiresAt) < Date.now();
  return (
    <View className={`row-card admin-row staff-row${s.active ? '' : ' admin-row--inactive'}${busy ? ' staff-row--busy' : ''}`}>
      <View className='admin-cell admin-cell--main staff-cell--name'>
        <Text>{s.name}</Text>
        {!s.active && <Text className='tag tag--grey staff-tag'>已停用</Text>}
        {s.active && !s.bound && <Text className='tag tag--orange staff-tag'>未激活</Text>}
      </View>
      <AdminCell label='手机' className='staff-cell--phone'>
        {s.phone || '—'}
      </AdminCell>
      <AdminCell label='角色' className='staff-cell--roles'>
        {s.roleLabel || '—'}
      </AdminCell>
      <AdminCell label='所在' className='staff-cell--where'>
        {where || '—'}
      </AdminCell>
      <AdminCell label='在办/容量' className={`staff-cell--load${handles && s.openCount >= s.capacity ? ' staff-cell--full' : ''}`}>
        {handles ? `${s.openCount}/${s.capacity}` : '—'}
      </AdminCell>
      <View className='admin-cell admin-cell--line staff-cell--state'>
        {handles && s.active && <Text className={`tag ${s.onDuty ? 'tag--green' : 'tag--grey'}`}>{s.onDuty ? '在岗' : '离岗'}</Text>}
        {s.active && !s.bound && s.invite && (
          <Text className='staff-invite link' onClick={onShowCode}>
            {expired ? '邀请码已过期' : `邀请码 ${s.invite.code}（${formatDate(s.invite.expiresAt)} 前有效）`}
          </Text>
        )}
        {s.active && !s.bound && !s.invite && <Text className='muted small'>无有效邀请码</Text>}
        {s.active && s.bound && !handles && <Text className='muted small'>已激活</Text>}
      </View>
      <View className='admin-cell admin-cell--actions staff-cell--ops'>
        {s.active ? (
          <>
            <Text className='op' onClick={onEdit}>
              编辑
            </Text>
            {handles && (
              <Text className='op op--muted' onClick={onDuty}>
                {s.onDuty ? '设为离岗' : '设为在岗'}
              </Text>
            )}
            {!s.bound && (
              <Text className='op' onClick={onReinvite}>
                重新生成邀请码
              </Text>
            )}
            {!self && (
              <Text className='op op--danger' onClick={onDeactivate}>
                停用
              </Text>
            )}
          </>
        ) : (
          <Text className='op' onClick={onActivate}>
            启用
          </Text>
        )}
      </View>
    </View>
  );
}

function DeactivateDialog({ staff, onClose, onDone }: { staff: StaffItem; onClose: () => void; onDone: (requeued: number) => void }) {
  const [reason, setReason] = useState('');
  const { errors, edit, check, busy, run } = useForm();
  const ok = () => {
    if (!check(reason.trim().length < 2 ? { reason: '请填写停用原因（至少2个字）' } : {}, { quiet: true })) return;
    run(async () => {
      const { requeued } = await callService('admin.staff.deactivate', { id: staff.id, reason: reason.trim() });
      onDone(requeued);
      return LEAVING;
    });
  };
  return (
    <ReasonModal
      title={`停用：${staff.name}`}
      name='modal--deactivate'
      okText='停用'
      busy={busy}
      hint={`停用后该人员不能再登录办理，不再接收分派。${staff.openCount > 0 ? `其在办的 ${staff.openCount} 件诉求将退回队列并重新分派。` : ''}`}
      placeholder='如：岗位调整，调离本街道'
      value={reason}
      error={errors.reason}
      onChange={edit('reason', setReason)}
      onOk={ok}
      onClose={onClose}
    />
  );
}

function ReinviteDialog({ staff, onClose, onDone }: { staff: StaffItem; onClose: () => void; onDone: (invite: Invite) => void }) {
  const { busy, run } = useForm();
  const ok = () =>
    run(async () => {
      const { invite } = await callService('admin.staff.reinvite', { id: staff.id });
      onDone(invite);
      return LEAVING;
    });
  return (
    <Modal title={`重新生成邀请码：${staff.name}`} name='modal--reinvite' busy={busy} okText='生成' onOk={ok} onClose={onClose}>
      <View className='staff-reinvite'>生成新邀请码后，旧邀请码立即作废。新邀请码 7 天内有效。</View>
    </Modal>
  );
}
