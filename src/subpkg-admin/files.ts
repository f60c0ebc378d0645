import { useState } from 'react';
import Taro from '@tarojs/taro';
import { callService, toastError } from '../services/call';
import { openWorkbook } from '../services/workbook';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ChosenFile = { name: string; size: number; /** a File in the browser, a temp path in WeChat */ file: Blob | string };

/** Let the user pick one .xlsx: a file dialog in the browser, a chat file in WeChat. null when cancelled. */
export function chooseXlsx(): Promise<ChosenFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = `.xlsx,${XLSX_TYPE}`;
      input.style.display = 'none';
      input.className = 'import-file-input';
      input.addEventListener('change', () => {
        const f = input.files?.[0];
        input.remove();
        resolve(f ? { name: f.name, size: f.size, file: f } : null);
      });
      input.addEventListener('cancel', () => {
        input.remove();
        resolve(null);
      });
      document.body.appendChild(input);
      input.click();
    });
  }
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
    .then((res) => {
      const f = res.tempFiles[0];
      return f ? { name: f.name, size: f.size, file: f.path } : null;
    })
    .catch(() => null);
}

/** the import templates the console offers: the registry's (名称, 统一社会信用代码, …), the knowledge base's and the responsibility list's */
const TEMPLATES = {
  'admin.enterprises.template': '企业名录导入模板.xlsx',
  'kb.template': '知识库导入模板.xlsx',
  'items.template': '事项清单导入模板.xlsx',
} as const;

export async function downloadTemplate(action: keyof typeof TEMPLATES = 'admin.enterprises.template') {
  const file = await callService(action);
  await openWorkbook(file, TEMPLATES[action]);
}

/** 下载模板 for a button: `template` downloads it once at a time (a failure is toasted), `downloading` is true meanwhile. */
export function useTemplateDownload(action: keyof typeof TEMPLATES = 'admin.enterprises.template') {
  const [downloading, setDownloading] = useState(false);
  const template = async () => {
    if (downloading) return;
    setDownloading(true);
    try {
      await downloadTemplate(action);
    } catch (e) {
      toastError(e);
    } finally {
      setDownloading(false);
    }
  };
  return { downloading, template };
}

/**
 * 下载错误行: the bad rows of an uploaded registry file as a workbook (the template's columns as the
 * admin typed them, plus 错误原因), to fix there and upload again. `fileName` is the uploaded file's.
 */
export async function downloadErrorRows(fileID: string, fileName: string) {
  const file = await callService('admin.enterprises.importErrors', { fileID });
  await openWorkbook(file, `${fileName.replace(/\.xlsx$/i, '')}-错误行.xlsx`);
}
