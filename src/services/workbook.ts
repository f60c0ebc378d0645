import Taro from '@tarojs/taro';
import { ApiError } from './call';

/**
 * Hand a workbook (a ledger export, a briefing, the import template) to the user: a download in the
 * browser, the document viewer in WeChat (whose menu can forward it to a computer).
 */
export async function openWorkbook(url: string, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    // an <a download> is not caught by popup blockers after an await, unlike window.open
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
