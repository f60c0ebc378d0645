/**
 * The H5 demo's stand-in for WeChat's subscribe sheet (requestSubscribeMessage): a bottom sheet
 * drawn straight into document.body, so it stays up while the tap that raised it goes on to another
 * page, as WeChat's does. Clearly marked as a simulation. Only the H5 demo calls it
 * (src/services/subscribe.ts); the mini-program never reaches this code.
 */
import type { ConsentAnswer } from '../shared/api-types';

export type SheetRow = { id: string; name: string };
export type SheetAnswer = {
  /** per template id: 允许 → accept for the rows left on, reject for the rows switched off; 取消 → reject for all */
  results: Record<string, ConsentAnswer>;
  /** 总是保持以上选择，不再询问 was ticked */
  always: boolean;
};

const GREEN = '#07c160';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, style: Partial<CSSStyleDeclaration>, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e.style, style);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** a WeChat-style switch: a real checkbox (keyboard and screen readers), drawn as a pill */
function toggle(label: string, checked: boolean): { root: HTMLLabelElement; input: HTMLInputElement } {
  const root = el('label', { position: 'relative', display: 'inline-block', width: '44px', height: '26px', flexShrink: '0', cursor: 'pointer' });
  const input = el('input', { position: 'absolute', opacity: '0', width: '100%', height: '100%', margin: '0', cursor: 'pointer' });
  input.type = 'checkbox';
  input.checked = checked;
  input.setAttribute('aria-label', label);
  const track = el('span', { position: 'absolute', inset: '0', borderRadius: '13px', transition: 'background .15s' });
  const knob = el('span', { position: 'absolute', top: '2px', width: '22px', height: '22px', borderRadius: '11px', background: '#fff', boxShadow: '0 1px 3px rgba(0,0,0,.25)', transition: 'left .15s' });
  const paint = () => {
    track.style.background = input.checked ? GREEN : '#e5e5e5';
    knob.style.left = input.checked ? '20px' : '2px';
  };
  input.addEventListener('change', paint);
  paint();
  root.append(track, knob, input);
  return { root, input };
}

/** Show the sheet; resolves when the user taps 允许 or 取消. */
export function showConsentSheet(rows: SheetRow[], appName = '诉求直通'): Promise<SheetAnswer> {
  return new Promise((resolve) => {
    const mask = el('div', {
      position: 'fixed', inset: '0', zIndex: '100000', background: 'rgba(0,0,0,.5)', display: 'flex', alignItems: 'flex-end', justifyContent: 'center',
      fontFamily: "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
    });
    mask.className = 'demo-consent';
    const panel = el('div', {
      width: '100%', maxWidth: '480px', boxSizing: 'border-box', background: '#fff', borderRadius: '12px 12px 0 0',
      padding: '16px 24px 24px', color: '#111', fontSize: '15px', lineHeight: '1.4',
    });
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    panel.setAttribute('aria-label', `${appName} 申请向你发送以下消息`);

    const badge = el('div', {
      display: 'inline-block', marginBottom: '12px', padding: '2px 8px', borderRadius: '4px', background: '#fff4e5', color: '#d46b08',
      fontSize: '12px', border: '1px solid #ffd591',
    }, '演示：模拟微信订阅授权');

    const head = el('div', { display: 'flex', alignItems: 'center', marginBottom: '6px' });
    const logo = el('span', {
      width: '22px', height: '22px', lineHeight: '22px', borderRadius: '11px', background: '#1d6bf3', color: '#fff', textAlign: 'center',
      fontSize: '12px', marginRight: '8px', flexShrink: '0',
    }, appName.slice(0, 1));
    const title = el('span', { fontSize: '16px', fontWeight: '600' }, `${appName} 申请向你发送以下消息`);
    head.append(logo, title);

    const list = el('div', { margin: '10px 0 6px', borderTop: '1px solid #eee' });
    const switches = rows.map((r) => {
      const row = el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '14px 0', borderBottom: '1px solid #eee' });
      const name = el('span', { fontSize: '15px' }, r.name);
      const t = toggle(r.name, true);
      row.append(name, t.root);
      list.append(row);
      return { id: r.id, input: t.input };
    });

    const keep = el('label', { display: 'flex', alignItems: 'center', margin: '10px 0 18px', fontSize: '13px', color: '#576b95', cursor: 'pointer' });
    const keepBox = el('input', { width: '16px', height: '16px', margin: '0 6px 0 0', accentColor: GREEN });
    keepBox.type = 'checkbox';
    keep.append(keepBox, document.createTextNode('总是保持以上选择，不再询问'));

    const buttons = el('div', { display: 'flex', justifyContent: 'center', gap: '16px' });
    const button = (text: string, primary: boolean) => {
      const b = el('button', {
        width: '128px', height: '40px', border: 'none', borderRadius: '6px', fontSize: '16px', fontWeight: '600', cursor: 'pointer',
        background: primary ? GREEN : '#f2f2f2', color: primary ? '#fff' : GREEN,
      }, text);
      b.type = 'button';
      return b;
    };
    const cancel = button('取消', false);
    const allow = button('允许', true);
    buttons.append(cancel, allow);

    const note = el('div', { marginTop: '14px', fontSize: '11px', color: '#999', textAlign: 'center' }, '浏览器中没有微信：此窗口模拟微信的订阅授权，所选结果按真实授权记录');

    panel.append(badge, head, list, keep, buttons, note);
    mask.append(panel);

    const close = (allowed: boolean) => {
      mask.remove();
      const results: Record<string, ConsentAnswer> = {};
      for (const s of switches) results[s.id] = allowed && s.input.checked ? 'accept' : 'reject';
      resolve({ results, always: keepBox.checked });
    };
    cancel.addEventListener('click', () => close(false));
    allow.addEventListener('click', () => close(true));
    document.body.append(mask);
    allow.focus();
  });
}
