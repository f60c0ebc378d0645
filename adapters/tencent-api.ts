/**
 * One Tencent Cloud API 3.0 call: a JSON POST signed with TC3-HMAC-SHA256, as the official SDKs send it.
 *   https://cloud.tencent.com/document/api/382/52071 (request structure, common parameters)
 *   https://cloud.tencent.com/document/api/382/52072 (signature v3)
 *   https://cloud.tencent.com/document/api/382/52075 (answers: Response.Error, RequestId)
 *
 * Why not the SDK (tencentcloud-sdk-nodejs-sms): for this one call it brings node-fetch, json-bigint,
 * bignumber.js, tslib, uuid and its common client, about 80 KB of the notify function's bundle, which
 * has a 300 KB budget. The signature is the documented algorithm and nothing else; the tests check it
 * byte for byte against the SDK's own signer (tests/cloudbase/sms-robot.test.ts), and the SDK stays a
 * devDependency for that.
 *
 * Failures are thrown the way the SDK throws them, so callers read one shape:
 *   - Response.Error → { code, message, requestId };
 *   - an answer that is not 200 → { httpCode, message };
 *   - no answer (DNS, refused, reset, the timeout) → an Error whose message says what happened.
 */
import { createHash, createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export type TencentCredential = { secretId?: string; secretKey?: string; token?: string };

export type TencentCall = {
  /** the product's host, e.g. sms.tencentcloudapi.com; the service name is its first label */
  host: string;
  /** 'https://' (default) or 'http://' (tests against a local stand-in, host then carries the port) */
  protocol?: string;
  action: string;
  version: string;
  region?: string;
  payload: Record<string, unknown>;
  credential: TencentCredential;
  /** default 3000 */
  timeoutMs?: number;
  /** seconds since the epoch (tests); default now */
  timestamp?: number;
};

export class TencentApiError extends Error {
  code?: string;
  httpCode?: number;
  requestId?: string;
  constructor(message: string, fields: { code?: string; httpCode?: number; requestId?: string }) {
    super(message);
    Object.assign(this, fields);
  }
}

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

/**
 * The Authorization header of a JSON POST to `host` (without its port, as the SDK signs it): the
 * canonical request signs content-type and host only, and the key is derived from the UTC date.
 */
export function tc3Authorization(a: { host: string; body: string; timestamp: number; secretId: string; secretKey: string }): string {
  const service = a.host.split('.')[0];
  const date = new Date(a.timestamp * 1000).toISOString().slice(0, 10);
  const hostname = a.host.replace(/:\d+$/, '');
  const canonical = ['POST', '/', '', `content-type:application/json\nhost:${hostname}\n`, 'content-type;host', sha256hex(a.body)].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(a.timestamp), scope, sha256hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${a.secretKey}`, date), service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${a.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

/** Response (without Error) of a successful call */
export function callTencentApi<T>(call: TencentCall): Promise<T> {
  const protocol = call.protocol ?? 'https://';
  const url = `${protocol}${call.host}/`;
  const body = JSON.stringify(call.payload);
  const timestamp = call.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Host: call.host,
    'X-TC-Action': call.action,
    'X-TC-Version': call.version,
    'X-TC-Timestamp': String(timestamp),
    Authorization: tc3Authorization({ host: call.host, body, timestamp, secretId: call.credential.secretId ?? '', secretKey: call.credential.secretKey ?? '' }),
    'Content-Length': String(Buffer.byteLength(body)),
  };
  if (call.region) headers['X-TC-Region'] = call.region;
  // temporary (runtime-role) credentials carry a session token
  if (call.credential.token) headers['X-TC-Token'] = call.credential.token;
  const timeoutMs = call.timeoutMs ?? 3000;
  const send = protocol === 'http://' ? httpRequest : httpsRequest;
  return new Promise<T>((resolve, reject) => {
    const req = send(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(timer);
        if (res.statusCode !== 200) {
          reject(new TencentApiError(res.statusMessage ?? '', { httpCode: res.statusCode }));
          return;
        }
        let data: { Response?: { Error?: { Code?: string; Message?: string }; RequestId?: string } };
        try {
          data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          reject(new TencentApiError('the answer is not JSON', { httpCode: 502 }));
          return;
        }
        const response = data?.Response;
        if (!response) reject(new TencentApiError('the answer has no Response', { httpCode: 502 }));
        else if (response.Error) reject(new TencentApiError(response.Error.Message ?? '', { code: response.Error.Code ?? 'Unknown', requestId: response.RequestId }));
        else resolve(response as T);
      });
    });
    const timer = setTimeout(() => req.destroy(new Error(`network timeout at: ${url}`)), timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(body);
  });
}
