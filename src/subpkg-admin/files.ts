import Taro from '@tarojs/taro';
import { ApiError, callService } from '../services/call';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Hand a workbook to the user: a download in the browser, the document viewer in WeChat (whose menu
 * can forward it to a computer). Same as subpkg-desk/export.ts, which a subpackage cannot import.
 */
export async function openWorkbook(url: string, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    return;
  }
  let filePath: string;
  try {
    const res = await Taro.downloadFile({ url });
    if (res.statusCode !== 200) throw new Error(String(res.statusCode));
    filePath = res.tempFilePath;
  } catch {
    throw new ApiError('DOWNLOAD_FAILED', '文件下载失败，请稍后重试');
  }
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  } catch {
    throw new ApiError('OPEN_FAILED', '无法打开文件，请在电脑端下载');
  }
}

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

/** The enterprise import template (名称, 统一社会信用代码, 地址, 所属网格, 行业, 规模, 联系人, 联系电话). */
export async function downloadTemplate() {
  const { url } = await callService<{ url: string; fileID: string }>('admin.enterprises.template');
  await openWorkbook(url, '企业名录导入模板.xlsx');
}
