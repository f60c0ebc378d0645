/**
 * 知识库 (政策问答 / 常见问题): the entries the submit page suggests while an enterprise types
 * (core/knowledge). Staff add and edit entries, take them out of the suggestions (下线) and put them
 * back; the search shows what the enterprise's words would meet.
 */
import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { Answer } from '../../../core/contract/answers';
import { CATEGORY_OPTIONS, categoryPath, type CategoryCode } from '../../../core/contract/catalog';
import { KbSaveInput, MAX_KB_ANSWER } from '../../../core/contract/knowledge';
import { problemsOf } from '../../../core/contract/schema';
import { callService } from '../../services/call';
import Field from '../../components/Field';
import { DateInput, Select } from '../../components/Select';
import Pager from '../components/Pager';
import Modal from '../components/Modal';
import { AdminListState, AdminSearch } from '../components/ListParts';
import { CatalogFilter, useCatalogAdmin } from '../components/CatalogAdmin';
import { formatTime } from '../../shared/format';
import SheetImport from '../components/SheetImport';
import '../admin.css';
import './index.css';

type Entry = Answer<'kb.list'>['items'][number];
type Form = { id?: string; question: string; answer: string; category: string; departmentId: string; phrasings: string; validFrom: string; validTo: string };
const EMPTY: Form = { question: '', answer: '', category: '', departmentId: '', phrasings: '', validFrom: '', validTo: '' };

const toForm = (e: Entry): Form => ({
  id: e.id, question: e.question, answer: e.answer, category: e.category, departmentId: e.departmentId ?? '',
  phrasings: e.phrasings.join('\n'), validFrom: e.validFrom ?? '', validTo: e.validTo ?? '',
});
const fieldsOf = (f: Form) => ({
  ...(f.id ? { id: f.id } : {}),
  question: f.question, answer: f.answer, category: f.category, departmentId: f.departmentId || null,
  phrasings: f.phrasings.split('\n').map((s) => s.trim()).filter(Boolean), validFrom: f.validFrom || null, validTo: f.validTo || null,
});

export default function KbPage() {
  const [importing, setImporting] = useState(false);
  const c = useCatalogAdmin<Form, Answer<'kb.list'>>((args) => callService('kb.list', args));
  const { form, errors, busy, departments, data, error, load, set, edit } = c;

  const save = () => {
    if (!form) return;
    const fields = fieldsOf(form);
    // once the schema passed, the category is one of the catalog's
    return c.save(problemsOf(KbSaveInput, fields), () => callService('kb.save', fields as typeof fields & { category: CategoryCode }));
  };
  const toggle = (e: Entry) => {
    const restore = !e.active;
    return c.toggle(
      { title: restore ? '恢复条目' : '下线条目', content: restore ? `恢复后「${e.question}」将重新向企业推荐。` : `下线后「${e.question}」不再向企业推荐，可随时恢复。`, confirmText: restore ? '恢复' : '下线' },
      () => callService('kb.remove', { id: e.id, restore }),
    );
  };

  return (
    <View className='page page--wide admin kb'>
      <View className='admin-toolbar'>
        <AdminSearch placeholder='输入企业可能的问法，看会推荐哪些条目' q={c.q} setQ={c.setQ} search={c.search} />
        <View className='admin-toolbar__item'>
          <Button type='primary' onClick={() => edit({ ...EMPTY })}>新增条目</Button>
        </View>
        <View className='admin-toolbar__item'>
          <Button fill='outline' onClick={() => setImporting(!importing)}>Excel 导入</Button>
        </View>
      </View>
      {importing && <SheetImport kind='kb' onImported={load} />}
      <CatalogFilter c={c} inUse='推荐中' outOfUse='已下线' cls='kb' />
      <AdminListState data={data} error={error} load={load} empty={!!data && data.items.length === 0} emptyText={c.searched ? '没有匹配的条目：企业这样问时不会看到推荐' : '暂无条目'} />
      {data?.items.map((e) => (
        <View className='card kb-item' key={e.id}>
          <View className='kb-item__head'>
            <Text className='kb-item__question'>{e.question}</Text>
            <Text className='tag'>{categoryPath(e.category)}</Text>
          </View>
          <View className='kb-item__answer'>{e.answer}</View>
          {e.phrasings.length > 0 && <View className='muted small'>其他问法：{e.phrasings.join('；')}</View>}
          <View className='kb-item__foot'>
            <Text className='muted small'>
              {e.validFrom || e.validTo ? `有效期 ${e.validFrom ?? '不限'} 至 ${e.validTo ?? '不限'} · ` : ''}更新于 {formatTime(e.updatedAt)}
            </Text>
            <View className='kb-item__ops'>
              <Button size='small' fill='outline' onClick={() => edit(toForm(e))}>编辑</Button>
              <Button size='small' fill='outline' type={e.active ? 'danger' : 'primary'} onClick={() => toggle(e)}>{e.active ? '下线' : '恢复'}</Button>
            </View>
          </View>
        </View>
      ))}
      {data && !data.searched && <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={c.setPage} />}

      {form && (
        <Modal title={form.id ? '编辑条目' : '新增条目'} name='modal--kb' busy={busy} okText='保存' onOk={save} onClose={() => c.setForm(null)}>
          <Field label='问题' required error={errors.question}>
            <Input className='form-input' placeholder='企业会怎么问，例如：用电增容怎么申请' value={form.question} maxLength={200} onChange={set('question')} />
          </Field>
          <Field label='答复' required error={errors.answer} extra={<Text className='field__extra'>链接写作 [文字](https://…)</Text>}>
            <TextArea className='form-textarea' placeholder='办理渠道、材料、时限，写清楚企业下一步做什么' value={form.answer} maxLength={MAX_KB_ANSWER} rows={5} onChange={set('answer')} />
          </Field>
          <Field label='类别' required error={errors.category}>
            <Select value={form.category} options={CATEGORY_OPTIONS} onChange={set('category')} placeholder='选择类别' />
          </Field>
          <Field label='负责部门' error={errors.departmentId}>
            <Select value={form.departmentId} options={departments} onChange={set('departmentId')} emptyLabel='不指定' />
          </Field>
          <Field label='其他问法' error={errors.phrasings} extra={<Text className='field__extra'>每行一种，选填</Text>}>
            <TextArea className='form-textarea' placeholder={'变压器容量不够怎么办\n新厂房要加大用电容量'} value={form.phrasings} rows={3} onChange={set('phrasings')} />
          </Field>
          <Field label='有效期' error={errors.validTo || errors.validFrom} extra={<Text className='field__extra'>选填，政策到期后不再推荐</Text>}>
            <View className='kb-dates'>
              <DateInput value={form.validFrom} onChange={set('validFrom')} placeholder='开始日期' clearable />
              <Text className='muted'>至</Text>
              <DateInput value={form.validTo} onChange={set('validTo')} placeholder='结束日期' clearable />
            </View>
          </Field>
        </Modal>
      )}
    </View>
  );
}
