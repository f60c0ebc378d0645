import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { callService } from '../../services/call';
import { useQuery } from '../../shared/use-query';
import Pager from '../components/Pager';
import { AdminCell, AdminListState, AdminSearch, AdminTableHead } from '../components/ListParts';
import { Select } from '../../components/Select';
import type { AdminOrg, EnterpriseItem } from '../types';
import { ADMIN } from '../labels';
import { pathOf } from '../orgs/tree';
import { useTemplateDownload } from '../files';
import { EnterpriseForm, locationLabel, StewardshipForm, type LocatedEnterprise } from './forms';
import '../admin.css';
import './index.css';

type Dialog = { type: 'form'; enterprise: EnterpriseItem | null } | { type: 'steward'; enterprise: EnterpriseItem };

export default function EnterprisesPage() {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [gridId, setGridId] = useState('');
  const [page, setPage] = useState(1);
  const [orgs, setOrgs] = useState<AdminOrg[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { downloading, template } = useTemplateDownload();
  const loadOrgs = () => callService('admin.orgs.list').then((d) => setOrgs(d.orgs)).catch(() => undefined);
  // refetched when shown again: back from the import page
  const { data, loading, error, load } = useQuery(
    () => callService('admin.enterprises.list', { q: query || undefined, gridId: gridId || undefined, page }),
    [query, gridId, page],
    { refetchOnShow: true, alongside: loadOrgs },
  );

  const search = () => {
    setPage(1);
    setQuery(q.trim());
  };

  const byId = new Map(orgs.map((o) => [o.id, o]));
  const grids = orgs.filter((o) => o.kind === 'grid');
  const items = data?.items ?? [];
  const closeAndReload = (toast: string) => {
    setDialog(null);
    Taro.showToast({ title: toast, icon: 'none' });
    load();
  };

  return (
    <View className='page page--wide admin enterprises'>
      <View className='card admin-filters'>
        <View className='admin-toolbar'>
          <AdminSearch placeholder='企业名称或信用代码' q={q} setQ={setQ} search={search} />
          <View className='admin-toolbar__item ent-grid-filter'>
            <Select
              value={gridId}
              options={grids.map((g) => ({ value: g.id, label: pathOf(g, byId) + (g.active ? '' : '（已撤销）') }))}
              emptyLabel='全部网格'
              onChange={(v) => {
                setGridId(v);
                setPage(1);
              }}
            />
          </View>
        </View>
        <View className='admin-toolbar ent-actions'>
          <Button type='primary' onClick={() => setDialog({ type: 'form', enterprise: null })}>
            新增企业
          </Button>
          <Button fill='outline' onClick={() => Taro.navigateTo({ url: ADMIN.import })}>
            批量导入
          </Button>
          <Button fill='outline' loading={downloading} onClick={template}>
            下载模板
          </Button>
        </View>
      </View>

      <AdminListState data={data} error={error} load={load} empty={items.length === 0} emptyText={query || gridId ? '没有符合条件的企业' : '名录中还没有企业，可逐个新增或批量导入'} />
      {data && items.length > 0 && (
        <View className='row-table admin-table ent-table'>
          <AdminTableHead cells={['企业', '网格', '行业 · 规模', '联系人', '包联（领导 / 部门 / 特派员）', '已绑定', '操作']} />
          {items.map((e) => (
            <View className='row-card admin-row ent-row' key={e.id}>
              <View className='admin-cell admin-cell--main ent-cell--name'>
                <View>{e.name}</View>
                <View className='ent-code mono'>{e.creditCode}</View>
                <View className={`ent-code${(e as LocatedEnterprise).location ? '' : ' ent-code--none'}`}>位置：{locationLabel((e as LocatedEnterprise).location)}</View>
              </View>
              <AdminCell label='网格'>
                {e.gridName || '—'}
              </AdminCell>
              <AdminCell label='行业'>
                {[e.industry, e.scale].filter(Boolean).join(' · ') || '—'}
              </AdminCell>
              <AdminCell label='联系人'>
                {[e.contactName, e.contactPhone].filter(Boolean).join(' ') || '—'}
              </AdminCell>
              <AdminCell label='包联'>
                {[e.leaderName, e.departmentName, e.liaisonName].some(Boolean)
                  ? [e.leaderName || '—', e.departmentName || '—', e.liaisonName || '—'].join(' / ')
                  : '未设置'}
              </AdminCell>
              <AdminCell label='已绑定联系人'>
                {e.contactCount} 人
              </AdminCell>
              <View className='admin-cell admin-cell--actions'>
                <Text className='op' onClick={() => setDialog({ type: 'form', enterprise: e })}>
                  编辑
                </Text>
                <Text className='op' onClick={() => setDialog({ type: 'steward', enterprise: e })}>
                  包联
                </Text>
              </View>
            </View>
          ))}
        </View>
      )}
      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} loading={loading} onPage={setPage} />}

      {dialog?.type === 'form' && (
        <EnterpriseForm enterprise={dialog.enterprise} orgs={orgs} onClose={() => setDialog(null)} onSaved={(name) => closeAndReload(`已保存${name}`)} />
      )}
      {dialog?.type === 'steward' && (
        <StewardshipForm enterprise={dialog.enterprise} orgs={orgs} onClose={() => setDialog(null)} onSaved={() => closeAndReload('包联已更新')} />
      )}
    </View>
  );
}
