/**
 * The first step of every .xlsx import page (enterprise registry, knowledge base, 12345 hotline):
 * pick a file, refuse a wrong type or a file over 5MB, upload it and ask the server for its dry run
 * (nothing written); then, for the imports that write a slice per call, the confirmed import called
 * until finished. Each page keeps its own words, its running totals and its report.
 */
import { useState } from 'react';
import { errorText } from '../services/call';
import { uploadFile } from '../services/upload';
import { chooseXlsx, XLSX_TYPE } from './files';

const MAX_BYTES = 5 * 1024 * 1024;

export type UploadedSheet = { name: string; fileID: string };

/**
 * `check` runs the dry run for the uploaded file; `wrongType` is the page's message for a file that is
 * not .xlsx; `blocked` keeps a new pick out while the page writes by its own means; `onPick` clears what the page showed
 * of the previous file.
 */
export function useSheetUpload<R>(check: (fileID: string) => Promise<R>, opts: { wrongType: string; blocked?: boolean; onPick?: () => void }) {
  const [file, setFile] = useState<UploadedSheet | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [checking, setChecking] = useState(false);
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState('');

  const choose = async () => {
    if (checking || importing || opts.blocked) return;
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

  /**
   * The confirmed import: `call` writes what one call's seconds allow, again until its answer is
   * `finished` (at most 200 calls); `slice` sees each answer. False when a call failed (its words are the error).
   */
  const confirmAll = async <A extends { finished: boolean }>(call: (fileID: string) => Promise<A>, slice: (answer: A) => void) => {
    if (!file || checking || importing) return false;
    setImporting(true);
    try {
      for (let calls = 0; calls < 200; calls++) {
        const r = await call(file.fileID);
        slice(r);
        if (r.finished) break;
      }
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setImporting(false);
    }
  };

  return { file, report, setReport, checking, importing, error, choose, confirmAll };
}
