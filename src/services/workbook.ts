import Taro from '@tarojs/taro';
import { ApiError } from './call';

/** A generated file as the service answers it: its fileID (cloud://… in WeChat) and a link to it. */
export type WorkbookFile = { url: string; fileID?: string };

/** the file as a temp path in WeChat: from cloud storage by its fileID, else over HTTPS by its link */
async function download(file: WorkbookFile): Promise<string> {
  if (file.fileID?.startsWith('cloud://')) {
    // the cloud SDK needs no download domain whitelisted and no temp link that may have expired
    const res = await Taro.cloud.downloadFile({ fileID: file.fileID });
    if (res.statusCode !== undefined && res.statusCode !== 200) throw new Error(String(res.statusCode));
    return res.tempFilePath;
  }
  const res = await Taro.downloadFile({ url: file.url });
  if (res.statusCode !== 200) throw new Error(String(res.statusCode));
  return res.tempFilePath;
}

/**
 * Hand a workbook (a ledger export, a briefing, the import template) to the user: a download of its link
 * in the browser, the document viewer in WeChat (whose menu can forward it to a computer).
 */
export async function openWorkbook(file: WorkbookFile, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    // an <a download> is not caught by popup blockers after an await, unlike window.open
    const a = document.createElement('a');
    a.href = file.url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    return;
  }
  let filePath: string;
  try {
    filePath = await download(file);
  } catch {
    throw new ApiError('DOWNLOAD_FAILED', '文件下载失败，请稍后重试');
  }
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  } catch {
    throw new ApiError('OPEN_FAILED', '无法打开文件，请在电脑端下载');
  }
}
