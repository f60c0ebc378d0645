import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input, Switch } from '@nutui/nutui-react-taro';
import type { Meta } from '../../shared/api-types';
import { beijingToday, formatTime } from '../../shared/format';
import { ApiError, callService, errorText, toastError } from '../../services/call';
import { loadMeta } from '../../services/profile';
import Field from '../../components/Field';
import { ErrorState, Loading } from '../../components/StateView';
import { Chips, DateInput, Select } from '../../components/Select';
import TimeInput from '../components/TimeInput';
import type { AdminOrg, CalendarOverride, RulesDoc, WorkingHours } from '../types';
import { checkForm, ENTERPRISE_SMS_OPTIONS, fromForm, SLA_FIELDS, slaRelated, SMS_KINDS, SMS_MODE_OPTIONS, TEMPLATE_FIELDS, toForm, type RulesForm } from './form';
import { ITEM_ROUTING_MODES, type ItemRoutingMode } from '../../../core/contract/items';
import { CATEGORY_GROUPS, groupOf } from '../../../core/contract/catalog';
import '../admin.css';
import './index.css';

const KIND_OPTIONS = [
  { value: 'holiday', label: '节假日（放假）' },
  { value: 'workday', label: '调休上班' },
];

/** [2004, 2005, 2006, 2010] → '2004–2006年、2010年' */
function yearRanges(years: number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}年` : `${sorted[i]}年`);
    i = j + 1;
  }
  return out.join('、');
}

/** labels for server field paths in the error summary */
function fieldLabel(path: string, meta: Meta | null): string {
  const [head, key, index, sub] = path.split('.');
  if (head === 'routing') return `分派规则 · ${meta?.categories.find((c) => c.code === key)?.name ?? key ?? ''}`;
  if (head === 'sla' && key === 'workingHours') return `工作时段${index !== undefined ? ` 第 ${Number(index) + 1} 段` : ''}`;
  if (head === 'sla') return SLA_FIELDS.find((f) => f.key === key)?.label ?? path;
  if (head === 'visits') return key === 'cap' ? '入企次数上限' : '未签退自动结束';
  if (head === 'calendar' && key === 'overrides') return `工作日历${index !== undefined ? ` 第 ${Number(index) + 1} 行` : ''}${sub === 'name' ? '名称' : sub === 'date' ? '日期' : ''}`;
  if (head === 'calendar') return '管理员维护年份';
  if (head === 'templates') return TEMPLATE_FIELDS.find((f) => f.key === key)?.label ?? path;
  if (head === 'notify' && key === 'sms') {
    const kind = index === 'status' ? '企业短信' : SMS_KINDS.find((k) => k.key === index)?.label ?? '';
    return `提醒规则 · 短信${kind ? ` · ${kind}` : ''}`;
  }
  if (head === 'notify' && key === 'dailyCap') return '提醒规则 · 每人每日短信上限';
  if (head === 'notify' && key === 'quietHours') return '提醒规则 · 免打扰';
  if (head === 'notify' && key === 'robots') return `提醒规则 · 群机器人${index !== undefined ? ` 第 ${Number(index) + 1} 个` : ''}`;
  return path;
}

/** a whole number and its unit, in half a row of the form, with what it does beside its label */
function NumberField(props: { label: string; hint: string; error?: string; unit: string; placeholder: string; maxLength: number; value: string; onChange: (v: string) => void }) {
  return (
    <View className='form-col form-col--half'>
      <Field label={props.label} required error={props.error} extra={<Text className='field__extra'>{props.hint}</Text>}>
        <View className='num-field'>
          <Input className='form-input input-number' type='number' placeholder={props.placeholder} value={props.value} maxLength={props.maxLength} onChange={props.onChange} />
          <Text className='num-field__unit'>{props.unit}</Text>
        </View>
      </Field>
    </View>
  );
}

export default function RulesPage() {
  const [doc, setDoc] = useState<RulesDoc | null>(null);
  const [form, setForm] = useState<RulesForm | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [orgs, setOrgs] = useState<AdminOrg[]>([]);
  const [error, setError] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState('');
  const [saving, setSaving] = useState(false);
  const [newYear, setNewYear] = useState('');

  const load = () =>
    callService('admin.rules.get')
      .then((d) => {
        setDoc(d);
        setForm(toForm(d.rules));
        setErrors({});
        setConflict('');
        setError('');
      })
      .catch((e) => setError(errorText(e)));

  useEffect(() => {
    load();
    loadMeta().then(setMeta).catch(() => undefined);
    callService('admin.orgs.list')
      .then((d) => setOrgs(d.orgs))
      .catch(() => undefined);
  }, []);

  if (!doc || !form) {
    return <View className='page page--wide admin'>{error ? <ErrorState message={error} onRetry={load} /> : <Loading />}</View>;
  }

  const departments = orgs.filter((o) => o.kind === 'department');
  /** the 营商环境优化中心 a desk team's robot may belong to (district, street, community) */
  const centers = orgs.filter((o) => o.kind === 'district' || o.kind === 'street' || o.kind === 'community');
  const categories = meta?.categories ?? Object.keys(form.routing).map((code) => ({ code, name: code }));
  const dirty = JSON.stringify(fromForm(form, categories.map((c) => c.code))) !== JSON.stringify(fromForm(toForm(doc.rules), categories.map((c) => c.code)));
  const update = (fn: (f: RulesForm) => void, ...clear: string[]) => {
    const next: RulesForm = JSON.parse(JSON.stringify(form));
    fn(next);
    setForm(next);
    if (clear.some((k) => errors[k])) {
      const e = { ...errors };
      for (const k of clear) delete e[k];
      setErrors(e);
    }
  };
  /** the first error at a path or under it */
  const err = (path: string) => errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

  const save = async () => {
    if (saving) return;
    const local = checkForm(form);
    setErrors(local);
    if (Object.keys(local).length) {
      Taro.showToast({ title: `有 ${Object.keys(local).length} 处需要修改`, icon: 'none' });
      return;
    }
    setSaving(true);
    try {
      const { version, recompute } = await callService('admin.rules.save', { version: doc.version, rules: fromForm(form, categories.map((c) => c.code)) });
      // a calendar change re-lays the deadlines of requests in progress (the timer finishes a large batch)
      const relaid = recompute ? `；已按新日历重算 ${recompute.changed} 项在办期限${recompute.more ? '，其余稍后自动完成' : ''}` : '';
      Taro.showToast({ title: `已保存为第 ${version} 版，立即生效${relaid}`, icon: 'none', duration: recompute ? 3500 : 2500 });
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        setConflict(e.message || '规则已被其他管理员修改');
      } else if (e instanceof ApiError && e.details.length) {
        const map: Record<string, string> = {};
        // the server names fields from its input, { version, rules }: 'rules.sla.generalDays'
        for (const d of e.details) {
          const field = d.field.replace(/^rules\./, '');
          if (!map[field]) map[field] = d.message;
        }
        setErrors(map);
        toastError(e);
      } else toastError(e);
    } finally {
      setSaving(false);
    }
  };

  const overrideRow = (o: CalendarOverride, i: number) => {
    const p = `calendar.overrides.${i}`;
    return (
      <View className='cal-row' key={i}>
        <View className='cal-row__date'>
          <DateInput value={o.date} placeholder='日期' onChange={(v) => update((f) => (f.calendar.overrides[i].date = v), `${p}.date`)} />
        </View>
        <View className='cal-row__kind'>
          <Select value={o.kind} options={KIND_OPTIONS} onChange={(v) => update((f) => (f.calendar.overrides[i].kind = v as CalendarOverride['kind']), `${p}.kind`)} />
        </View>
        <View className='cal-row__name'>
          <Input className='form-input' placeholder='名称，如：国庆节' value={o.name} maxLength={20} onChange={(v) => update((f) => (f.calendar.overrides[i].name = v), `${p}.name`)} />
        </View>
        <Text className='op op--danger cal-row__remove' onClick={() => update((f) => f.calendar.overrides.splice(i, 1), `${p}.date`, `${p}.name`, `${p}.kind`, p)}>
          删除
        </Text>
        {err(p) && <View className='field__error cal-row__error'>{err(p)}</View>}
      </View>
    );
  };

  const hoursRow = ([a, b]: WorkingHours, i: number) => {
    const p = `sla.workingHours.${i}`;
    return (
      <View className='hours-row' key={i}>
        <View className='hours-row__time'>
          <TimeInput value={a} placeholder='开始' onChange={(v) => update((f) => (f.sla.workingHours[i][0] = v), p)} />
        </View>
        <Text className='hours-row__sep'>至</Text>
        <View className='hours-row__time'>
          <TimeInput value={b} placeholder='结束' onChange={(v) => update((f) => (f.sla.workingHours[i][1] = v), p)} />
        </View>
        {form.sla.workingHours.length > 1 && (
          <Text className='op op--danger hours-row__remove' onClick={() => update((f) => f.sla.workingHours.splice(i, 1), p)}>
            删除
          </Text>
        )}
        {err(p) && <View className='field__error hours-row__error'>{err(p)}</View>}
      </View>
    );
  };

  const thisYear = Number(beijingToday().slice(0, 4));
  const yearOptions = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2, thisYear + 3]
    .filter((y) => !form.calendar.adminYears.includes(y))
    .map((y) => ({ value: String(y), label: `${y} 年${doc.calendarYears.includes(y) ? '（内置已覆盖）' : ''}` }));
  const errorList = Object.entries(errors);
  // rules.get gives the editor's id; the history carries the name
  const editor = doc.history.find((h) => h.version === doc.version)?.updatedByName ?? '';

  return (
    <View className='page page--wide admin rules'>
      <View className='rules-version'>
        {doc.version > 0 ? `当前第 ${doc.version} 版` : '尚未保存过（使用默认值）'}
        {doc.updatedAt ? ` · ${formatTime(doc.updatedAt)}` : ''}
        {editor ? ` · ${editor}` : ''} · 保存后立即生效
      </View>

      {conflict && (
        <View className='card notice-card notice-card--danger rules-conflict'>
          <View className='rules-conflict__text'>{conflict}。您的修改尚未保存；请重新加载最新版本后再修改。</View>
          <Button type='primary' onClick={load}>
            重新加载最新版本
          </Button>
        </View>
      )}
      {errorList.length > 0 && (
        <View className='card notice-card notice-card--danger rules-errors'>
          <View className='rules-errors__title'>有 {errorList.length} 处需要修改：</View>
          {errorList.map(([k, m]) => (
            <View className='rules-errors__item' key={k}>
              {/* a message that names its field already is shown as it is */}
              {m.startsWith(fieldLabel(k, meta)) ? m : `${fieldLabel(k, meta)}：${m}`}
            </View>
          ))}
        </View>
      )}

      <View className='card'>
        <View className='card__title'>分派规则</View>
        <View className='form-note rules-note'>诉求按类别默认派往的部门；不指定时由网格员、特派员承办或调度员分派。</View>
        {departments.length === 0 && <View className='muted small rules-note'>还没有部门，请先在组织架构中添加。</View>}
        <View className='routing'>
          {CATEGORY_GROUPS.map((g) => (
            // the leaves (小类) under their group's name (大类)
            <View key={g.code} className='routing-group'>
              <View className='routing-group__name'>{g.name}</View>
              {categories.filter((c) => groupOf(c.code) === g.code).map((c) => (
                <View className={`routing-row${err(`routing.${c.code}`) ? ' routing-row--error' : ''}`} key={c.code}>
                  <Text className='routing-row__name'>{c.name}</Text>
                  <View className='routing-row__select'>
                    <Select
                      value={form.routing[c.code] ?? ''}
                      options={departments
                        .filter((d) => d.active || d.id === form.routing[c.code])
                        .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（已撤销）` }))}
                      emptyLabel='不指定'
                      onChange={(v) => update((f) => (f.routing[c.code] = v), `routing.${c.code}`)}
                    />
                  </View>
                  {err(`routing.${c.code}`) && <View className='field__error routing-row__error'>{err(`routing.${c.code}`)}</View>}
                </View>
              ))}
            </View>
          ))}
        </View>
        <Field label='按事项清单分派' error={err('itemRouting.mode')}>
          <View className='form-note rules-note'>企业所选（或按描述匹配）的事项写明了本区责任部门时：建议下发督办卡（调度员确认后下发）；或企业提交即自动下发给该部门，同时告知调度员，调度员可撤回；或仅显示事项。</View>
          <Chips
            options={(Object.keys(ITEM_ROUTING_MODES) as ItemRoutingMode[]).map((m) => ({ value: m, label: ITEM_ROUTING_MODES[m] }))}
            value={form.itemRouting}
            onChange={(v: ItemRoutingMode) => update((f) => (f.itemRouting = v), 'itemRouting.mode')}
          />
        </Field>
      </View>

      <View className='card'>
        <View className='card__title'>办理时限</View>
        <View className='form-grid'>
          {SLA_FIELDS.map((s) => (
            <NumberField key={s.key} label={s.label} hint={s.hint} error={err(`sla.${s.key}`)} unit={s.unit}
              placeholder={s.placeholder} maxLength={3} value={form.sla[s.key]} onChange={(v) => update((f) => (f.sla[s.key] = v), ...slaRelated(s.key))} />
          ))}
          <View className='form-col'>
            <Field label='每日工作时段' required error={errors['sla.workingHours']} extra={<Text className='field__extra'>计时只在工作时段内进行</Text>}>
              {form.sla.workingHours.map(hoursRow)}
              <Text className='op rules-add' onClick={() => update((f) => f.sla.workingHours.push(['14:00', '18:00']), 'sla.workingHours')}>
                + 添加时段
              </Text>
            </Field>
          </View>
        </View>
      </View>

      <View className='card'>
        <View className='card__title'>无事不扰（入企扫码）</View>
        <View className='form-grid'>
          <NumberField label='入企次数上限（同一企业 30 天内）' hint='非企业申请的入企超过后须填写理由' error={err('visits.cap')} unit='次'
            placeholder='如：2' maxLength={3} value={form.visits.cap} onChange={(v) => update((f) => (f.visits.cap = v), 'visits.cap')} />
          <NumberField label='未签退自动结束' hint='签到后超过该时长自动签退' error={err('visits.autoCloseHours')} unit='小时'
            placeholder='如：8' maxLength={2} value={form.visits.autoCloseHours} onChange={(v) => update((f) => (f.visits.autoCloseHours = v), 'visits.autoCloseHours')} />
        </View>
      </View>

      <View className='card'>
        <View className='card__title'>工作日历</View>
        <View className='form-note rules-note'>
          内置日历已覆盖：{yearRanges(doc.calendarYears) || '无'}。
          内置日历未覆盖的年份，请在下方逐日录入放假和调休上班日期，再将该年份加入「管理员维护年份」，期限即按此计算；也可在此修正内置日历。保存后，在办诉求已算出的期限按新日历重新计算，“暂按周一至周五估算”的标记随之消除。
        </View>
        {doc.calendarRun && (
          <View className='warn-note rules-note'>上次日历调整后的在办期限正在重算，由定时任务自动完成。</View>
        )}
        <View className='cal-table'>
          {form.calendar.overrides.length === 0 && <View className='muted small'>暂无调整</View>}
          {form.calendar.overrides.map(overrideRow)}
        </View>
        <Text
          className='op rules-add'
          onClick={() => update((f) => f.calendar.overrides.push({ date: '', kind: 'holiday', name: '' }))}
        >
          + 添加日期
        </Text>
        <View className='rules-years'>
          <Field label='管理员维护年份' error={err('calendar.adminYears')}>
            <View className='chips'>
              {form.calendar.adminYears.length === 0 && <Text className='muted small rules-years__none'>无</Text>}
              {[...form.calendar.adminYears].sort().map((y) => (
                <Text className='chip chip--active' key={y} onClick={() => update((f) => (f.calendar.adminYears = f.calendar.adminYears.filter((x) => x !== y)), 'calendar.adminYears')}>
                  {y} 年 ×
                </Text>
              ))}
            </View>
            <View className='rules-years__add'>
              <View className='rules-years__select'>
                <Select value={newYear} options={yearOptions} placeholder='选择年份' onChange={setNewYear} />
              </View>
              <Button
                disabled={!newYear}
                onClick={() => {
                  update((f) => f.calendar.adminYears.push(Number(newYear)), 'calendar.adminYears');
                  setNewYear('');
                }}
              >
                加入
              </Button>
            </View>
          </Field>
        </View>
      </View>

      <View className='card'>
        <View className='card__title'>提醒规则</View>
        <View className='form-note rules-note'>
          所有提醒都会进入消息中心，并在用户有订阅次数时发微信提醒。下面决定哪些提醒同时发短信（手机号取自人员信息）。「微信不可达时发送」：没有订阅次数、已拒绝、发送失败或未配置模板时改发短信。
        </View>
        <View className='notify-rules'>
          {SMS_KINDS.map((k) => (
            <View className={`routing-row${err(`notify.sms.${k.key}`) ? ' routing-row--error' : ''}`} key={k.key}>
              <View className='routing-row__name notify-rules__name'>
                <Text>{k.label}</Text>
                <Text className='field__extra notify-rules__hint'>{k.hint}</Text>
              </View>
              <View className='routing-row__select'>
                <Select value={form.notify.sms[k.key]} options={SMS_MODE_OPTIONS} onChange={(v) => update((f) => (f.notify.sms[k.key] = v as RulesForm['notify']['sms']['assignment']), `notify.sms.${k.key}`)} />
              </View>
              {err(`notify.sms.${k.key}`) && <View className='field__error routing-row__error'>{err(`notify.sms.${k.key}`)}</View>}
            </View>
          ))}
          <View className={`routing-row${err('notify.sms.status') ? ' routing-row--error' : ''}`}>
            <View className='routing-row__name notify-rules__name'>
              <Text>企业短信</Text>
              <Text className='field__extra notify-rules__hint'>仅发给选择接收短信的企业用户：需补充材料、办结、不予受理</Text>
            </View>
            <View className='routing-row__select'>
              <Select value={form.notify.sms.status} options={ENTERPRISE_SMS_OPTIONS} onChange={(v) => update((f) => (f.notify.sms.status = v as RulesForm['notify']['sms']['status']), 'notify.sms.status')} />
            </View>
            {err('notify.sms.status') && <View className='field__error routing-row__error'>{err('notify.sms.status')}</View>}
          </View>
        </View>
        <View className='form-grid notify-rules__limits'>
          <View className='form-col form-col--half'>
            <Field label='免打扰' error={err('notify.quietHours')} extra={<Text className='field__extra'>工作时段以外，非紧急短信顺延到下一个工作时段</Text>}>
              <View className='notify-rules__switch'>
                <Switch checked={form.notify.quietHours} onChange={(v) => update((f) => (f.notify.quietHours = v), 'notify.quietHours')} />
                <Text className='notify-rules__switch-text'>{form.notify.quietHours ? '已开启（超期转红、催办等紧急提醒照常发送）' : '已关闭（随时发送）'}</Text>
              </View>
            </Field>
          </View>
          <NumberField label='每人每日短信上限' hint='超出的提醒只在消息中心显示' error={err('notify.dailyCap')} unit='条'
            placeholder='如：20' maxLength={3} value={form.notify.dailyCap} onChange={(v) => update((f) => (f.notify.dailyCap = v), 'notify.dailyCap')} />
          <View className='form-col'>
            <Field label='企业微信群机器人' error={errors['notify.robots']} extra={<Text className='field__extra'>新投诉、超期转红、退回、延期申请等推送到中心的工作群</Text>}>
              {form.notify.robots.length === 0 && <View className='muted small'>未设置</View>}
              {form.notify.robots.map((r, i) => {
                const p = `notify.robots.${i}`;
                return (
                  <View className='robot-row' key={i}>
                    <View className='robot-row__org'>
                      <Select
                        value={r.orgId}
                        placeholder='选择中心'
                        options={centers
                          .filter((o) => o.active || o.id === r.orgId)
                          .map((o) => ({ value: o.id, label: o.active ? o.name : `${o.name}（已撤销）` }))}
                        onChange={(v) => update((f) => (f.notify.robots[i].orgId = v), `${p}.orgId`, p)}
                      />
                    </View>
                    <View className='robot-row__hook'>
                      <Input className='form-input' placeholder='https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' value={r.webhook} maxLength={200} onChange={(v) => update((f) => (f.notify.robots[i].webhook = v), `${p}.webhook`, p)} />
                    </View>
                    <Text className='op op--danger robot-row__remove' onClick={() => update((f) => f.notify.robots.splice(i, 1), `${p}.orgId`, `${p}.webhook`, p)}>
                      删除
                    </Text>
                    {err(p) && <View className='field__error robot-row__error'>{err(p)}</View>}
                  </View>
                );
              })}
              <Text className='op rules-add' onClick={() => update((f) => f.notify.robots.push({ orgId: '', webhook: '' }), 'notify.robots')}>
                + 添加群机器人
              </Text>
            </Field>
          </View>
        </View>
      </View>

      <View className='card'>
        <View className='card__title'>订阅消息模板</View>
        <View className='form-note rules-note'>
          模板 ID 与字段由部署配置（config/subscribe-templates.json）统一设定，小程序请求订阅与云函数发送共用同一份配置，此处仅供查看。更换模板须修改配置，并同时发布小程序和云函数（更换后用户原有的订阅作废）。
        </View>
        <View className='form-grid'>
          {TEMPLATE_FIELDS.map((t) => (
            <View className='form-col form-col--half' key={t.key}>
              <Field label={t.label} extra={<Text className='field__extra'>{t.hint}</Text>}>
                <Text className='mono rules-template-id'>{form.templates[t.key] || '未配置（不发送此类订阅消息）'}</Text>
              </Field>
            </View>
          ))}
        </View>
      </View>

      {doc.history.length > 0 && (
        <View className='card'>
          <View className='card__title'>历史版本</View>
          {doc.history.slice(0, 10).map((h) => (
            <View className='rules-history' key={h.version}>
              <Text className='rules-history__v'>第 {h.version} 版</Text>
              <Text className='muted'>
                {formatTime(h.updatedAt)} · {h.updatedByName || '—'}
              </Text>
            </View>
          ))}
          <View className='muted small'>每次保存的前后内容见「操作日志」。</View>
        </View>
      )}

      <View className='rules-savebar'>
        <Text className='rules-savebar__text'>{dirty ? '有未保存的修改' : '没有修改'}</Text>
        {dirty && (
          <Button fill='outline' disabled={saving} onClick={() => { setForm(toForm(doc.rules)); setErrors({}); }}>
            放弃修改
          </Button>
        )}
        <Button type='primary' loading={saving} disabled={!dirty || !!conflict} onClick={save}>
          保存
        </Button>
      </View>
    </View>
  );
}
