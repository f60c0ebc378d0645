/**
 * 企业微信 group robots (群机器人): one markdown message per post to the group's webhook,
 * https://developer.work.weixin.qq.com/document/path/91770
 *   POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… with
 *   { "msgtype": "markdown", "markdown": { "content": "…" } }, content at most 4096 bytes of UTF-8;
 *   each robot takes at most 20 messages a minute. Answers { errcode, errmsg }: 0 is ok; 45009
 *   (接口调用超过限制, the per-robot rate) and -1 (系统繁忙) pass, so they are retried, as are network
 *   failures and 5xx answers; 93000 (the webhook key is invalid or the robot was removed from the
 *   group) and every other errcode are permanent. Global codes:
 *   https://developer.work.weixin.qq.com/document/path/90313
 *
 * Only URLs matching ROBOT_WEBHOOK (core/notify/routing.ts, checked when the admin saves the rules)
 * are posted to: anything else is refused without a request, so a stored value can never make the
 * server call an address of someone's choosing.
 *
 * Uses node's https module (Node 16.13, CloudBase's runtime, has no global fetch). Time limit 3 s
 * (`timeoutMs`), for the reasons given in adapters/tencent-sms.ts.
 */
import { request as httpRequest } from 'http';
import { request as httpsRequest } from 'https';
import type { RobotPost, RobotSender, SendResult } from '../core/ports';
import { ROBOT_WEBHOOK } from '../core/notify/routing';
import { ELLIPSIS, graphemes } from '../core/notify/fields';

/** 企业微信's limit on markdown.content, in bytes of UTF-8 */
export const ROBOT_MARKDOWN_MAX_BYTES = 4096;

export type PostFn = (url: string, body: unknown) => Promise<{ status: number; json: any }>;

/** why this webhook must not be posted to, or null */
export function robotWebhookProblem(webhook: unknown): string | null {
  return typeof webhook === 'string' && ROBOT_WEBHOOK.test(webhook) ? null : 'webhook is not a 企业微信 group robot URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)';
}

/** at most `maxBytes` of UTF-8, cut between whole characters, ending with an ellipsis when cut */
export function cutUtf8(text: string, maxBytes = ROBOT_MARKDOWN_MAX_BYTES): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const room = maxBytes - Buffer.byteLength(ELLIPSIS, 'utf8');
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const n = Buffer.byteLength(g, 'utf8');
    if (used + n > room) break;
    out += g;
    used += n;
  }
  return out + ELLIPSIS;
}

/** POST a JSON body; resolves with the status and the parsed answer (null when it is not JSON) */
export function postJson(url: string, body: unknown, timeoutMs = 3000): Promise<{ status: number; json: any }> {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length },
      timeout: timeoutMs,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(overall);
        let json: any = null;
        try { json = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, json });
      });
      res.on('error', (e) => { clearTimeout(overall); reject(e); });
    });
    // `timeout` above is idle time on the socket; this bounds the whole exchange
    const overall = setTimeout(() => req.destroy(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', (e) => { clearTimeout(overall); reject(e); });
    req.end(payload);
  });
}

/** errcodes that pass: 系统繁忙 and the per-robot rate limit (20 messages a minute) */
const RETRY_ERRCODES = new Set([-1, 45009]);

export function wecomRobot(opts: { post?: PostFn; timeoutMs?: number } = {}): RobotSender {
  const post: PostFn = opts.post ?? ((url, body) => postJson(url, body, opts.timeoutMs ?? 3000));
  return {
    async post(m: RobotPost): Promise<SendResult> {
      const problem = robotWebhookProblem(m.webhook);
      if (problem) return { ok: false, retry: false, error: problem };
      const body = { msgtype: 'markdown', markdown: { content: cutUtf8(String(m.text ?? '')) } };
      let answer: { status: number; json: any };
      try {
        answer = await post(m.webhook, body);
      } catch (e) {
        return { ok: false, retry: true, error: `NetworkError ${(e as Error)?.message ?? e}`.trim() };
      }
      const { status, json } = answer;
      if (status >= 500 || status === 429) return { ok: false, retry: true, error: `HTTP ${status}` };
      const errcode = json && typeof json === 'object' ? Number(json.errcode) : NaN;
      if (errcode === 0) return { ok: true };
      if (!Number.isFinite(errcode)) return { ok: false, retry: status < 400, error: `HTTP ${status} answer without errcode` };
      return { ok: false, retry: RETRY_ERRCODES.has(errcode), error: `${errcode} ${json.errmsg ?? ''}`.trim() };
    },
  };
}
