/**
 * 事项清单 (the responsibility list, core/knowledge/items.ts): the matters the submit page offers as
 * "您要反映的是…" and the dispatcher's triage suggests, each with its department (or, where the district
 * has no such department, the owner in words), tier, legal basis and deadline class. Staff add and edit
 * items, take them out of the suggestions (停用) and put them back, or import many from Excel (a dry run
 * first); the search shows what an enterprise's words would meet.
 */
import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { Answer } from '../../../core/contract/answers';
import { CATEGORY_OPTIONS, TIERS, categoryPath } from '../../../core/contract/catalog';
import { DEADLINE_CLASSES, ItemSaveInput, MAX_LEGAL_BASIS } from '../../../core/contract/items';
import { problemsOf } from '../../../core/contract/schema';
import { callService } from '../../services/call';
import Field from '../../components/Field';
import { Select } from '../../components/Select';
import Pager from '../components/Pager';
import Modal from '../components/Modal';
import { AdminListState, AdminSearch } from '../components/ListParts';
import { CatalogFilter, useCatalogAdmin } from '../components/CatalogAdmin';
import SheetImport from '../components/SheetImport';
import { formatTime } from '../../shared/format';
import '../admin.css';
import './index.css';

type Item = Answer<'items.list'>['items'][number];
type Form = {
  id?: string; name: string; category: string; keywords: string; phrasings: string; departmentId: string; owner: string;
  tier: string; legalBasis: string; deadlineClass: string;
};
const EMPTY: Form = { name: '', category: '', keywords: '', phrasings: '', departmentId: '', owner: '', tier: 'district', legalBasis: '', deadlineClass: 'normal' };
const TIER_OPTIONS = Object.entries(TIERS).map(([value, label]) => ({ value, label: `${label}级` }));
const DEADLINE_OPTIONS = Object.entries(DEADLINE_CLASSES).map(([value, label]) => ({ value, label }));
const lines = (s: string) => s.split(/[\n；;]/).map((x) => x.trim()).filter(Boolean);

const toForm = (i: Item): Form => ({
  id: i.id, name: i.name, category: i.category, keywords: i.keywords.join('\n'), phrasings: i.phrasings.join('\n'),
  departmentId: i.departmentId ?? '', owner: i.owner, tier: i.tier, legalBasis: i.legalBasis, deadlineClass: i.deadlineClass,
});
const fieldsOf = (f: Form) => ({
  ...(f.id ? { id: f.id } : {}),
  name: f.name, category: f.category, keywords: lines(f.keywords), phrasings: lines(f.phrasings), departmentId: f.departmentId || null,
  owner: f.owner, tier: f.tier, legalBasis: f.legalBasis, deadlineClass: f.deadlineClass,
});

export default function ItemsPage() {
  const [importing, setImporting] = useState(false);
  const c = useCatalogAdmin<Form, Answer<'items.list'>>((args) => callService('items.list', args));
  const { form, errors, busy, departments, data, error, load, set, edit } = c;
  const deptName = (id: string | null) => (id ? departments.find((d) => d.value === id)?.label ?? null : null);

  const save = () => {
    if (!form) return;
    const fields = fieldsOf(form);
    const problems = problemsOf(ItemSaveInput, fields);
    if (!fields.departmentId && !fields.owner.trim()) problems.owner = '请选择责任部门，或填写责任单位';
    // once the schema passed, category, tier and deadline class are the catalog's
    return c.save(problems, () => callService('items.save', fields as Parameters<typeof callService<'items.save'>>[1]));
  };
  const toggle = (i: Item) => {
    const restore = !i.active;
    return c.toggle({
      title: restore ? '恢复事项' : '停用事项',
      content: restore ? `恢复后「${i.name}」将重新向企业推荐。` : `停用后「${i.name}」不再向企业推荐；已选它的诉求仍可查看，可随时恢复。`,
      confirmText: restore ? '恢复' : '停用',
    }, () => callService('items.remove', { id: i.id, restore }));
  };

  return (
    <View className='page page--wide admin items-admin'>
      <View className='admin-toolbar'>
        <AdminSearch placeholder='输入企业可能的说法，看会推荐哪些事项' q={c.q} setQ={c.setQ} search={c.search} />
        <View className='admin-toolbar__item'>
          <Button type='primary' onClick={() => edit({ ...EMPTY })}>新增事项</Button>
        </View>
        <View className='admin-toolbar__item'>
          <Button fill='outline' onClick={() => setImporting(!importing)}>Excel 导入</Button>
        </View>
      </View>
      {importing && <SheetImport kind='items' onImported={load} />}
      <CatalogFilter c={c} inUse='在用' outOfUse='已停用' cls='items' />
      <AdminListState data={data} error={error} load={load} empty={!!data && data.items.length === 0} emptyText={c.searched ? '没有匹配的事项：企业这样说时不会看到推荐' : '暂无事项'} />
      {data?.items.map((i) => (
        <View className='card item-row' key={i.id}>
          <View className='item-row__head'>
            <Text className='item-row__name'>{i.name}</Text>
            <Text className='tag'>{categoryPath(i.category)}</Text>
          </View>
          <View className='item-row__line'>责任：{deptName(i.departmentId) ?? i.owner}{i.departmentId ? '' : '（本区未设，调度分派）'} · {TIERS[i.tier]}级 · {DEADLINE_CLASSES[i.deadlineClass]}</View>
          {i.legalBasis && <View className='item-row__line muted small'>依据：{i.legalBasis}</View>}
          {i.keywords.length + i.phrasings.length > 0 && <View className='muted small'>关键词与说法：{[...i.keywords, ...i.phrasings].join('；')}</View>}
          <View className='item-row__foot'>
            <Text className='muted small'>更新于 {formatTime(i.updatedAt)}</Text>
            <View className='item-row__ops'>
              <Button size='small' fill='outline' onClick={() => edit(toForm(i))}>编辑</Button>
              <Button size='small' fill='outline' type={i.active ? 'danger' : 'primary'} onClick={() => toggle(i)}>{i.active ? '停用' : '恢复'}</Button>
            </View>
          </View>
        </View>
      ))}
      {data && !data.searched && <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={c.setPage} />}

      {form && (
        <Modal title={form.id ? '编辑事项' : '新增事项'} name='modal--item' busy={busy} okText='保存' onOk={save} onClose={() => c.setForm(null)}>
          <Field label='事项名称' required error={errors.name}>
            <Input className='form-input' placeholder='例如：高压新装及增容' value={form.name} maxLength={100} onChange={set('name')} />
          </Field>
          <Field label='类别' required error={errors.category}>
            <Select value={form.category} options={CATEGORY_OPTIONS} onChange={set('category')} placeholder='选择类别' />
          </Field>
          <Field label='关键词' error={errors.keywords} extra={<Text className='field__extra'>每行一个</Text>}>
            <TextArea className='form-textarea' placeholder={'增容\n变压器'} value={form.keywords} rows={3} onChange={set('keywords')} />
          </Field>
          <Field label='常见说法' error={errors.phrasings} extra={<Text className='field__extra'>企业会怎么说，每行一种</Text>}>
            <TextArea className='form-textarea' placeholder={'变压器不够用了\n新车间要加大用电容量'} value={form.phrasings} rows={3} onChange={set('phrasings')} />
          </Field>
          <Field label='责任部门' error={errors.departmentId} extra={<Text className='field__extra'>选中后可按清单下发督办卡</Text>}>
            <Select value={form.departmentId} options={departments} onChange={set('departmentId')} emptyLabel='本区未设（由调度分派）' />
          </Field>
          <Field label='责任单位' error={errors.owner} extra={<Text className='field__extra'>未选部门时必填，如：区税务局</Text>}>
            <Input className='form-input' placeholder='实际负责的单位' value={form.owner} maxLength={100} onChange={set('owner')} />
          </Field>
          <Field label='层级' required error={errors.tier}>
            <Select value={form.tier} options={TIER_OPTIONS} onChange={set('tier')} />
          </Field>
          <Field label='办理时限类别' required error={errors.deadlineClass}>
            <Select value={form.deadlineClass} options={DEADLINE_OPTIONS} onChange={set('deadlineClass')} />
          </Field>
          <Field label='法律依据' error={errors.legalBasis}>
            <TextArea className='form-textarea' placeholder='例如：《电力供应与使用条例》' value={form.legalBasis} maxLength={MAX_LEGAL_BASIS} rows={2} onChange={set('legalBasis')} />
          </Field>
        </Modal>
      )}
    </View>
  );
}
