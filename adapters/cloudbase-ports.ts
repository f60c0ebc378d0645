/**
 * CloudBase adapters for the notifier and content check. They take the wx-server-sdk `cloud`
 * object as an argument so this file never imports the SDK itself.
 */
import type { ContentCheck, FileStore, Notifier, OutgoingMessage, QrCode, SendResult } from '../core/ports';

export type TemplateConfig = Record<string, { templateId: string; fields: Record<string, string> }>;

/** errcodes after which retrying cannot help: the user did not subscribe, bad template, bad data */
const PERMANENT = new Set([43101, 40003, 40037, 41030, 47003]);

export function cloudbaseNotifier(cloud: any, templates: TemplateConfig, miniprogramState = 'formal'): Notifier {
  return {
    async send(m: OutgoingMessage): Promise<SendResult> {
      const t = templates[m.template] ? { ...templates[m.template], templateId: m.templateId || templates[m.template].templateId } : undefined;
      if (!t || !t.templateId) return { ok: false, retry: false, error: `template ${m.template} not configured` };
      const data: Record<string, { value: string }> = {};
      for (const [key, from] of Object.entries(t.fields)) data[key] = { value: String(m.data[from] ?? '').slice(0, 20) };
      try {
        await cloud.openapi.subscribeMessage.send({ touser: m.openid, page: m.page, data, templateId: t.templateId, miniprogramState });
        return { ok: true };
      } catch (e: any) {
        const code = Number(e?.errCode ?? e?.errcode);
        return { ok: false, retry: !PERMANENT.has(code), error: `${code || ''} ${e?.errMsg ?? e?.message ?? e}`.trim() };
      }
    },
  };
}

export function cloudbaseContentCheck(cloud: any): ContentCheck {
  return {
    async check(content, openid) {
      try {
        const r = await cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 1, openid });
        const suggest = r?.result?.suggest;
        return suggest && suggest !== 'pass' ? { ok: false, reason: '内容未通过安全检测' } : { ok: true };
      } catch (e: any) {
        // 87014: risky content (v1 API); anything else: do not block the enterprise on our outage
        if (Number(e?.errCode) === 87014) return { ok: false, reason: '内容未通过安全检测' };
        return { ok: true };
      }
    },
  };
}

/** generated files go to cloud storage; the URL is a temporary download link */
export function cloudbaseFiles(cloud: any): FileStore {
  return {
    async save(path, bytes) {
      const { fileID } = await cloud.uploadFile({ cloudPath: path, fileContent: Buffer.from(bytes) });
      const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] });
      return { fileID, url: fileList?.[0]?.tempFileURL ?? '' };
    },
    async read(fileID) {
      try {
        const { fileContent } = await cloud.downloadFile({ fileID });
        return new Uint8Array(fileContent);
      } catch {
        return null;
      }
    },
  };
}

const ENV_VERSIONS: Record<string, string> = { formal: 'release', trial: 'trial', developer: 'develop' };

/**
 * Mini-program codes (wxacode.getUnlimited: unlimited in number, scene ≤ 32 characters) for the
 * visit pages, uploaded to cloud storage. checkPath:false so codes can be made before the pages
 * are released.
 */
export function cloudbaseQrCode(cloud: any, miniprogramState = 'formal'): QrCode {
  return {
    async image(page, scene) {
      const r = await cloud.openapi.wxacode.getUnlimited({
        scene, page, checkPath: false, envVersion: ENV_VERSIONS[miniprogramState] ?? 'release', width: 430,
      });
      if (!r?.buffer) throw new Error(`wxacode.getUnlimited failed: ${r?.errCode ?? ''} ${r?.errMsg ?? ''}`.trim());
      const { fileID } = await cloud.uploadFile({ cloudPath: `codes/${scene}.png`, fileContent: r.buffer });
      const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] });
      return { fileID, url: fileList?.[0]?.tempFileURL ?? '' };
    },
  };
}
