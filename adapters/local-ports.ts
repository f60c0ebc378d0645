/** Local adapters for development, demos and tests. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import QRCode from 'qrcode';
import type { Clock, ContentCheck, FileStore, Notifier, OutgoingMessage, OutgoingSms, QrCode, RobotPost, RobotSender, SendResult, SmsSender } from '../core/ports';
import { SMS_KINDS, smsText, type SmsKind } from '../core/notify/sms-templates';
import { robotWebhookProblem } from './wecom-robot';

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move. */
export function fakeClock(start: string | Date) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (at: string | Date) => { t = new Date(at).getTime(); },
    advance: (ms: number) => { t += ms; },
  };
}

/**
 * Stands in for subscribeMessage.send: records what would have been pushed to WeChat and,
 * when asked, fails the next sends so the retry path can be exercised.
 */
export function recordingNotifier() {
  const sent: OutgoingMessage[] = [];
  let failures: SendResult[] = [];
  const notifier: Notifier & { sent: OutgoingMessage[]; failNext(...r: SendResult[]): void } = {
    sent,
    failNext: (...r) => { failures = failures.concat(r); },
    async send(message) {
      const f = failures.shift();
      if (f) return f;
      sent.push(message);
      return { ok: true };
    },
  };
  return notifier;
}

/** Local mode has no WeChat content-safety service; everything passes. */
export const permissiveContentCheck: ContentCheck = { check: async () => ({ ok: true }) };

/** generated files under a folder the local server serves at /files/<path> */
export function localFiles(root: string): FileStore {
  return {
    async save(path, bytes) {
      if (!/^[\w-]+(\/[\w.-]+)+$/.test(path) || path.includes('..')) throw new Error(`bad file path ${path}`);
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, bytes);
      return { fileID: `local://${path}`, url: `/files/${path}` };
    },
    async read(fileID) {
      const m = /^local:\/\/([\w-]+(?:\/[\w.-]+)+)$/.exec(fileID);
      if (!m || m[1].includes('..')) return null;
      const full = join(root, m[1].replace(/^uploads\//, ''));
      return existsSync(full) ? new Uint8Array(readFileSync(full)) : null;
    },
  };
}

/**
 * Local stand-in for wxacode.getUnlimited: a QR image of the H5 URL that opens the same page with
 * the same scene (`${base}/#/<page>?scene=<scene>`), saved through the file store (served at
 * /files/codes/<scene>.png). `base` is read at each call: the server knows its port only once
 * it listens.
 */
export function localQrCode(files: FileStore, base: () => string): QrCode {
  return {
    async image(page, scene) {
      if (!/^[\w-]{1,32}$/.test(scene)) throw new Error(`bad scene ${scene}`);
      const url = `${base().replace(/\/+$/, '')}/#/${page}?scene=${scene}`;
      const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 });
      return files.save(`codes/${scene}.png`, new Uint8Array(png), 'image/png');
    },
  };
}

/** an SMS the recording stand-in took, with the text the phone would show */
export type RecordedSms = Pick<OutgoingSms, 'phone' | 'template' | 'templateId' | 'params'> & { text: string };

/**
 * Stands in for Tencent Cloud SMS (demo and tests): records each SMS with the text it would show
 * (smsText: the signature and the template's wording with its variables filled in) and, when asked,
 * fails the next sends. No template id is needed: the demo shows SMS before any template is approved.
 * `onSend` sees each one (the local server prints a line per SMS to its log). `configured` is
 * writable so tests can take the channel away.
 */
export function recordingSms(opts: { configured?: boolean; onSend?: (sms: RecordedSms) => void } = {}) {
  const sent: RecordedSms[] = [];
  let failures: SendResult[] = [];
  const sms: Required<SmsSender> & { configured: boolean; sent: RecordedSms[]; failNext(...r: SendResult[]): void } = {
    configured: opts.configured ?? true,
    sent,
    failNext: (...r) => { failures = failures.concat(r); },
    async send(m) {
      const f = failures.shift();
      if (f) return f;
      const kind = (SMS_KINDS as readonly string[]).includes(m.template) ? (m.template as SmsKind) : null;
      const record: RecordedSms = {
        phone: m.phone, template: m.template, templateId: m.templateId, params: [...m.params],
        text: kind ? smsText(kind, m.params) : m.params.join('，'),
      };
      sent.push(record);
      opts.onSend?.(record);
      return { ok: true };
    },
  };
  return sms;
}

/**
 * Stands in for 企业微信 group robots (demo and tests): records each post, refuses what the real
 * adapter refuses (a URL that is not a group robot webhook) and, when asked, fails the next posts.
 */
export function recordingRobot(opts: { onPost?: (post: RobotPost) => void } = {}) {
  const posts: RobotPost[] = [];
  let failures: SendResult[] = [];
  const robot: RobotSender & { posts: RobotPost[]; failNext(...r: SendResult[]): void } = {
    posts,
    failNext: (...r) => { failures = failures.concat(r); },
    async post(m) {
      const problem = robotWebhookProblem(m.webhook);
      if (problem) return { ok: false, retry: false, error: problem };
      const f = failures.shift();
      if (f) return f;
      const record = { webhook: m.webhook, text: m.text };
      posts.push(record);
      opts.onPost?.(record);
      return { ok: true };
    },
  };
  return robot;
}
