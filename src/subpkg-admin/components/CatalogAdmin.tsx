/**
 * What the 知识库 and 事项清单 admin pages share: the list (a page of the entries in use or out of use,
 * or the search's hits for what an enterprise might type), the departments to choose from, the edit
 * form's state and save, and 下线/停用 ↔ 恢复 behind a confirm. Each page keeps its words, its row and
 * its form.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { callService, errorText } from '../../services/call';
import { useQuery } from '../../shared/use-query';
import { fieldErrors } from '../../components/Field';

type ListArgs = { page: number; q?: string; inactive: boolean };

export function useCatalogAdmin<F extends { id?: string }, L>(list: (args: ListArgs) => Promise<L>) {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [searched, setSearched] = useState('');
  const [inactive, setInactive] = useState(false);
  const [form, setForm] = useState<F | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [departments, setDepartments] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    callService('admin.orgs.list')
      .then((d) => setDepartments(d.orgs.filter((o) => o.kind === 'department' && o.active !== false).map((o) => ({ value: o.id, label: o.name }))))
      .catch(() => undefined);
  }, []);
  const { data, error, load } = useQuery(() => list({ page, ...(searched ? { q: searched } : {}), inactive }), [page, searched, inactive]);

  const set = (k: keyof F) => (v: string) => { setForm((f) => (f ? { ...f, [k]: v } : f)); setErrors((e) => ({ ...e, [k]: '' })); };
  const edit = (f: F) => { setErrors({}); setForm(f); };
  const search = () => { setSearched(q.trim()); setPage(1); };

  /** the page's own checks found `problems` (shown beside their fields), else `write`; the server's field problems land there too */
  const save = async (problems: Record<string, string>, write: () => Promise<unknown>) => {
    if (!form || busy) return;
    if (Object.keys(problems).length) { setErrors(problems); return; }
    setBusy(true);
    try {
      await write();
      Taro.showToast({ title: form.id ? '已保存' : '已新增', icon: 'success' });
      setForm(null);
      load();
    } catch (e) {
      const details = (e as { details?: { field: string; message: string }[] }).details;
      if (details?.length) setErrors(fieldErrors(details));
      else Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  /** out of use or back, once the admin confirms `modal` */
  const toggle = async (modal: { title: string; content: string; confirmText: string }, write: () => Promise<unknown>) => {
    const ok = await Taro.showModal(modal);
    if (!ok.confirm) return;
    try {
      await write();
      load();
    } catch (err) {
      Taro.showToast({ title: errorText(err), icon: 'none' });
    }
  };

  return { page, setPage, q, setQ, searched, setSearched, inactive, setInactive, form, setForm, errors, busy, departments, data, error, load, set, edit, search, save, toggle };
}

/** the in-use / out-of-use chips and, after a search, what was searched with 清除; `cls` is the page's class prefix */
export function CatalogFilter({ c, inUse, outOfUse, cls }: {
  c: { inactive: boolean; setInactive: (v: boolean) => void; setPage: (p: number) => void; searched: string; setSearched: (s: string) => void; setQ: (s: string) => void };
  inUse: string; outOfUse: string; cls: string;
}) {
  const { inactive, setInactive, setPage, searched, setSearched, setQ } = c;
  return (
    <View className='chips chips--filter'>
      <Text className={`chip${!inactive ? ' chip--active' : ''}`} onClick={() => { setInactive(false); setPage(1); }}>{inUse}</Text>
      <Text className={`chip${inactive ? ' chip--active' : ''}`} onClick={() => { setInactive(true); setPage(1); setSearched(''); }}>{outOfUse}</Text>
      {searched && <Text className={`muted small ${cls}-searched`}>“{searched}”的推荐结果（按匹配度）<Text className={`${cls}-clear`} onClick={() => { setQ(''); setSearched(''); }}>清除</Text></Text>}
    </View>
  );
}
