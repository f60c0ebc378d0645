/**
 * The poster (公务入企 请扫码备案) composed as one image, the same in WeChat and in a browser: the
 * band (无事不扰 有求必应), the title, the enterprise's name, its code, the rules, the complaint box and
 * the foot, laid out as the page shows them (./index.css), on any Canvas 2D context (WeChat's
 * `canvas type="2d"`, an HTML canvas). Laid out first (text measured and wrapped), then painted at
 * SCALE on a canvas sized to the layout. No Taro here: save-image.ts draws it in WeChat; H5 uses
 * `downloadPosterH5` below.
 */
import type { Poster } from '../types';

/** the poster's width in layout units (the page's 375-px phone column) and the pixels per unit of the image */
export const POSTER_WIDTH = 375;
export const SCALE = 3;

const RED = '#c62828';
const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT}`;

/** what the image shows of visit.poster's answer */
export type PosterContent = {
  enterprise: Pick<Poster['enterprise'], 'name' | 'creditCode' | 'address'>;
  rules: Poster['rules'];
  complaint: Pick<Poster['complaint'], 'center' | 'note' | 'channels'>;
};

/** what is painted, in layout units */
export type Op =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; line?: number; radius?: number }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string }
  | { kind: 'text'; x: number; y: number; text: string; font: string; fill: string; align: 'left' | 'center' }
  | { kind: 'code'; x: number; y: number; size: number };

export type Layout = { width: number; height: number; ops: Op[] };

/** the width of a text in a font, as the canvas measures it */
export type Measure = (text: string, font: string) => number;

/** the text cut into lines no wider than `width` (character by character: Chinese has no spaces to break at) */
export function wrap(text: string, f: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of [...text]) {
    if (line && measure(line + ch, f) > width) {
      lines.push(line);
      line = ch.trim() ? ch : '';
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** the poster laid out: every box and line where the page puts it, and the height it takes */
export function layoutPoster(p: PosterContent, measure: Measure): Layout {
  const W = POSTER_WIDTH;
  const ops: Op[] = [];
  const centred = (text: string, f: string, fill: string, top: number, lineHeight: number, width = W - 32) => {
    let y = top;
    for (const line of wrap(text, f, width, measure)) {
      ops.push({ kind: 'text', x: W / 2, y: y + lineHeight / 2, text: line, font: f, fill, align: 'center' });
      y += lineHeight;
    }
    return y;
  };
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: 0, fill: '#ffffff' }); // the height is set below
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: 34, fill: RED });
  ops.push({ kind: 'text', x: W / 2, y: 17, text: '营商环境 · 无事不扰 有求必应', font: font(13), fill: '#ffffff', align: 'center' });
  let y = centred('公务入企 请扫码备案', font(28, 800), RED, 34 + 18, 38);
  y = centred(p.enterprise.name, font(17, 600), '#1f2329', y + 8, 24);
  // the code in its frame: 220 + 6 padding each side
  const frame = 232;
  const fx = (W - frame) / 2;
  y += 14;
  ops.push({ kind: 'rect', x: fx, y, w: frame, h: frame, fill: '#ffffff', stroke: '#e5e6eb', line: 1, radius: 10 });
  ops.push({ kind: 'code', x: fx + 6, y: y + 6, size: 220 });
  y += frame + 10;
  y = centred('公职人员 进门扫码签到 · 离开扫码签退', font(15, 600), '#1d6bf3', y, 22);
  // the rules, numbered
  y += 6;
  const ruleX = 18 + 18 + 8;
  for (const [i, rule] of p.rules.entries()) {
    y += 8;
    ops.push({ kind: 'circle', x: 18 + 9, y: y + 10, r: 9, fill: RED });
    ops.push({ kind: 'text', x: 18 + 9, y: y + 10, text: String(i + 1), font: font(11), fill: '#ffffff', align: 'center' });
    for (const line of wrap(rule, font(13), W - ruleX - 18, measure)) {
      ops.push({ kind: 'text', x: ruleX, y: y + 10, text: line, font: font(13), fill: '#1f2329', align: 'left' });
      y += 20;
    }
  }
  // 投诉监督
  y += 14;
  const boxX = 16;
  const boxW = W - 32;
  const inner = boxW - 24;
  const boxOps: Op[] = [];
  let by = y + 10;
  for (const line of wrap(`投诉监督 · ${p.complaint.center}`, font(13, 600), inner, measure)) {
    boxOps.push({ kind: 'text', x: boxX + 12, y: by + 10, text: line, font: font(13, 600), fill: '#ad6800', align: 'left' });
    by += 20;
  }
  for (const text of [p.complaint.note, ...p.complaint.channels.map((c) => `· ${c}`)]) {
    by += 4;
    for (const line of wrap(text, font(12), inner, measure)) {
      boxOps.push({ kind: 'text', x: boxX + 12, y: by + 9, text: line, font: font(12), fill: '#646a73', align: 'left' });
      by += 18;
    }
  }
  by += 10;
  ops.push({ kind: 'rect', x: boxX, y, w: boxW, h: by - y, fill: '#fff7e8', radius: 8 }, ...boxOps);
  y = by + 12;
  y = centred(`统一社会信用代码 ${p.enterprise.creditCode}`, font(11), '#8f959e', y, 18);
  if (p.enterprise.address) y = centred(p.enterprise.address, font(11), '#8f959e', y, 18);
  const height = Math.ceil(y + 18);
  (ops[0] as Extract<Op, { kind: 'rect' }>).h = height;
  // the red border of the page's poster, drawn last over the edges
  ops.push({ kind: 'rect', x: 1, y: 1, w: W - 2, h: height - 2, stroke: RED, line: 2, radius: 14 });
  return { width: W, height, ops };
}

/** the part of a Canvas 2D context the poster paints with (WeChat's and the browser's alike) */
export type Paint = {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
  drawImage(image: never, x: number, y: number, w: number, h: number): void;
};

function roundRect(ctx: Paint, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** paints a layout at `scale` pixels per unit (the canvas is layout.width × layout.height times scale) */
export function paintPoster(ctx: Paint, layout: Layout, code: unknown, scale = SCALE): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.textBaseline = 'middle';
  for (const op of layout.ops) {
    if (op.kind === 'rect') {
      const r = op.radius ?? 0;
      if (op.fill) {
        ctx.fillStyle = op.fill;
        if (r) { roundRect(ctx, op.x, op.y, op.w, op.h, r); ctx.fill(); } else ctx.fillRect(op.x, op.y, op.w, op.h);
      }
      if (op.stroke) {
        ctx.strokeStyle = op.stroke;
        ctx.lineWidth = op.line ?? 1;
        roundRect(ctx, op.x, op.y, op.w, op.h, r);
        ctx.stroke();
      }
    } else if (op.kind === 'circle') {
      ctx.fillStyle = op.fill;
      ctx.beginPath();
      ctx.arc(op.x, op.y, op.r, 0, Math.PI * 2);
      ctx.fill();
    } else if (op.kind === 'text') {
      ctx.font = op.font;
      ctx.fillStyle = op.fill;
      ctx.textAlign = op.align;
      ctx.fillText(op.text, op.x, op.y);
    } else {
      ctx.drawImage(code as never, op.x, op.y, op.size, op.size);
    }
  }
}

/** the file name a saved poster gets */
export const posterFileName = (p: PosterContent) => `${p.enterprise.name}-入企扫码海报.png`;

/**
 * H5: the poster drawn on an HTML canvas and downloaded as a PNG (the code image is read from the
 * page's own server: same origin, so the canvas stays exportable).
 */
export async function downloadPosterH5(p: PosterContent, codeUrl: string): Promise<void> {
  const img = new Image();
  if (new URL(codeUrl, location.href).origin !== location.origin) img.crossOrigin = 'anonymous';
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('二维码图片加载失败'));
    img.src = codeUrl;
  });
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const layout = layoutPoster(p, (text, f) => { ctx.font = f; return ctx.measureText(text).width; });
  canvas.width = layout.width * SCALE;
  canvas.height = layout.height * SCALE;
  paintPoster(ctx as unknown as Paint, layout, img);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('海报生成失败'))), 'image/png'));
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = posterFileName(p);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
