/**
 * The first step of every .xlsx import page (enterprise registry, knowledge base, 12345 hotline):
 * pick a file, refuse a wrong type or a file over 5MB, upload it and ask the server for its dry run
 * (nothing written). Each page keeps its own words, its confirm step and its report.
 */
import { useState } from 'react';
import { errorText } from '../services/call';
import { uploadFile } from '../services/upload';
import { chooseXlsx, XLSX_TYPE } from './files';

const MAX_BYTES = 5 * 1024 * 1024;

export type UploadedSheet = { name: string; fileID: string };

/**
 * `check` runs the dry run for the uploaded file; `wrongType` is the page's message for a file that is
 * not .xlsx; `blocked` keeps a new pick out while the page writes; `onPick` clears what the page showed
 * of the previous file.
 */
export function useSheetUpload<R>(check: (fileID: string) => Promise<R>, opts: { wrongType: string; blocked?: boolean; onPick?: () => void }) {
  const [file, setFile] = useState<UploadedSheet | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState('');

  const choose = async () => {
    if (checking || opts.blocked) return;
    const picked = await chooseXlsx();
    if (!picked) return;
    if (!/\.xlsx$/i.test(picked.name)) return setError(opts.wrongType);
    if (picked.size > MAX_BYTES) return setError('文件不能超过 5MB');
    setError('');
    setReport(null);
    opts.onPick?.();
    setChecking(true);
    try {
      const fileID = await uploadFile(picked.file, XLSX_TYPE);
      setFile({ name: picked.name, fileID });
      setReport(await check(fileID));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setChecking(false);
    }
  };

  return { file, report, setReport, checking, error, setError, choose };
}
