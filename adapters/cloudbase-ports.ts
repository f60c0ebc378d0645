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
      // values arrive shaped and checked by their field type (core/notify/fields.ts): never cut here, a cut could split a character
      for (const [key, from] of Object.entries(t.fields)) data[key] = { value: String(m.data[from] ?? '') };
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

/**
 * The mini-program version a deployment serves, from MINIPROGRAM_STATE. Subscribe messages name it
 * in miniprogram_state (formal | trial | developer, subscribeMessage.send) and mini-program codes in
 * env_version (release | trial | develop, wxacode.getUnlimited); either spelling is accepted. Unset
 * means the released version. Anything else is a deployment mistake that would otherwise send every
 * message and code to the wrong version, or fail each one with 47003: it fails loudly instead.
 */
export type MiniprogramVersion = { state: 'formal' | 'trial' | 'developer'; envVersion: 'release' | 'trial' | 'develop' };

const VERSIONS: Record<string, MiniprogramVersion> = {
  formal: { state: 'formal', envVersion: 'release' },
  release: { state: 'formal', envVersion: 'release' },
  trial: { state: 'trial', envVersion: 'trial' },
  developer: { state: 'developer', envVersion: 'develop' },
  develop: { state: 'developer', envVersion: 'develop' },
};

export function miniprogramVersion(value: string | undefined): MiniprogramVersion {
  const v = VERSIONS[(value ?? '').trim() || 'formal'];
  if (!v) {
    throw new Error(`环境变量 MINIPROGRAM_STATE=${value} 无效：应为 formal（正式版）、trial（体验版）或 developer（开发版），不设置即为正式版`);
  }
  return v;
}

/**
 * Mini-program codes (wxacode.getUnlimited: unlimited in number, scene ≤ 32 characters) for the
 * visit pages, uploaded to cloud storage. checkPath:false so codes can be made before the pages
 * are released.
 *
 * A code opens one version of the mini-program (env_version), so the version is part of the
 * image's cache key: the cloud path is codes/<env version>/<scene>.png, and codes made while a
 * deployment served the trial version are never handed out (or overwritten) once it serves the
 * released one. Within one container, an image already made for (version, page, scene) is reused:
 * only a fresh temporary URL is asked for.
 */
export function cloudbaseQrCode(cloud: any, miniprogramState: string | undefined = 'formal'): QrCode {
  const { envVersion } = miniprogramVersion(miniprogramState);
  const made = new Map<string, Promise<string>>();
  const make = async (page: string, scene: string): Promise<string> => {
    const r = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, envVersion, width: 430 });
    if (!r?.buffer) throw new Error(`wxacode.getUnlimited failed: ${r?.errCode ?? ''} ${r?.errMsg ?? ''}`.trim());
    const { fileID } = await cloud.uploadFile({ cloudPath: `codes/${envVersion}/${scene}.png`, fileContent: r.buffer });
    return fileID as string;
  };
  return {
    version: envVersion,
    async image(page, scene) {
      const key = `${envVersion}|${page}|${scene}`;
      let fileID = made.get(key);
      if (!fileID) {
        fileID = make(page, scene);
        made.set(key, fileID);
        fileID.catch(() => made.delete(key));
      }
      const id = await fileID;
      const { fileList } = await cloud.getTempFileURL({ fileList: [id] });
      return { fileID: id, url: fileList?.[0]?.tempFileURL ?? '' };
    },
  };
}
