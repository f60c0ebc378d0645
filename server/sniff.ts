/**
 * What an upload is, from its bytes alone (the sender's content type and file name are hints at
 * most): photos (JPG, PNG, WEBP, GIF) and the files a progress note, result, supplement or card
 * reply may carry (PDF, Word .doc/.docx, Excel .xls/.xlsx).
 *
 * magic-bytes.js names the family from the first bytes, but a family holds many formats: every
 * OLE compound file (.doc, .xls, .ppt, .msg) starts alike, as does every zip (.docx, .xlsx, .jar,
 * .apk). So the container is opened: a zip's central directory must list the parts of a Word or
 * Excel package, a compound file's directory the WordDocument or Workbook stream. Documents with
 * macros (vbaProject.bin, a Macros or _VBA_PROJECT_CUR storage) are refused: nobody needs one to
 * answer a request, and they are how documents carry malware.
 */
import { filetypeinfo } from 'magic-bytes.js';

export type Sniffed = { ext: string; type: string; image: boolean };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function sniff(bytes: Buffer): Sniffed | null {
  const kinds = filetypeinfo(bytes.subarray(0, 64)).map((k) => k.typename);
  if (kinds.includes('jpg')) return { ext: '.jpg', type: 'image/jpeg', image: true };
  if (kinds.includes('png')) return { ext: '.png', type: 'image/png', image: true };
  if (kinds.includes('webp')) return { ext: '.webp', type: 'image/webp', image: true };
  if (kinds.includes('gif')) return { ext: '.gif', type: 'image/gif', image: true };
  if (kinds.includes('pdf')) return bytes.includes('%%EOF', Math.max(0, bytes.length - 8192)) ? { ext: '.pdf', type: 'application/pdf', image: false } : null;
  if (kinds.includes('zip')) return officeZip(bytes);
  if (kinds.includes('doc') || kinds.includes('xls')) return compoundFile(bytes);
  return null;
}

// ---------- zip: .docx and .xlsx ----------

/** the entry names of a zip's central directory, or null when it is not a well-formed one */
export function zipEntries(b: Buffer): string[] | null {
  // the end-of-central-directory record: 22 bytes plus a comment of at most 65535
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= floor; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLen = b.readUInt16LE(at + 28);
    const skip = 46 + nameLen + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    if (at + skip > b.length) return null;
    names.push(b.toString('utf8', at + 46, at + 46 + nameLen));
    at += skip;
  }
  return names;
}

function officeZip(b: Buffer): Sniffed | null {
  const names = zipEntries(b);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => /vbaProject\.bin$/i.test(n))) return null;
  const word = names.includes('word/document.xml');
  const excel = names.includes('xl/workbook.xml');
  if (word === excel) return null;
  return word ? { ext: '.docx', type: DOCX, image: false } : { ext: '.xlsx', type: XLSX, image: false };
}

// ---------- OLE compound files: .doc and .xls ----------

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

/**
 * The names in a compound file's directory (MS-CFB), or null when it is not a well-formed one.
 * Reads the header, the FAT (from the header's 109 entries and the DIFAT chain) and follows the
 * directory's chain; every chain is bounded, so a crafted loop cannot hang the server.
 */
export function compoundEntries(b: Buffer): string[] | null {
  if (b.length < 512 || b.readUInt32LE(0) !== 0xe011cfd0 || b.readUInt32LE(4) !== 0xe11ab1a1) return null;
  const shift = b.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectors = Math.floor((b.length - size) / size) + 1;
  const offset = (id: number) => (id + 1) * size;
  const inFile = (id: number) => id < sectors && offset(id) + size <= b.length;

  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = b.readUInt32LE(0x4c + i * 4);
    if (id === FREE || id === END_OF_CHAIN) break;
    fatSectors.push(id);
  }
  let difat = b.readUInt32LE(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < sectors; guard++) {
    if (!inFile(difat)) return null;
    const per = size / 4 - 1;
    for (let i = 0; i < per; i++) {
      const id = b.readUInt32LE(offset(difat) + i * 4);
      if (id !== FREE && id !== END_OF_CHAIN) fatSectors.push(id);
    }
    difat = b.readUInt32LE(offset(difat) + per * 4);
  }
  if (!fatSectors.length || fatSectors.some((id) => !inFile(id))) return null;
  const next = (id: number) => {
    const per = size / 4;
    const fat = fatSectors[Math.floor(id / per)];
    return fat === undefined ? null : b.readUInt32LE(offset(fat) + (id % per) * 4);
  };

  const names: string[] = [];
  let dir = b.readUInt32LE(0x30);
  for (let guard = 0; dir !== END_OF_CHAIN; guard++) {
    if (guard >= sectors || !inFile(dir)) return null;
    for (let e = offset(dir); e < offset(dir) + size; e += 128) {
      const type = b[e + 0x42];
      const len = b.readUInt16LE(e + 0x40);
      if (type === 0 || len < 2 || len > 64) continue;
      names.push(b.toString('utf16le', e, e + len - 2));
    }
    const n = next(dir);
    if (n === null) return null;
    dir = n;
  }
  return names;
}

function compoundFile(b: Buffer): Sniffed | null {
  const names = compoundEntries(b);
  if (!names) return null;
  if (names.some((n) => n === 'Macros' || n === '_VBA_PROJECT_CUR' || n === 'VBA')) return null;
  const word = names.includes('WordDocument');
  const excel = names.includes('Workbook') || names.includes('Book');
  if (word === excel) return null;
  return word ? { ext: '.doc', type: 'application/msword', image: false } : { ext: '.xls', type: 'application/vnd.ms-excel', image: false };
}

/**
 * A file name as the client sent it (the X-File-Name header, percent-encoded UTF-8): decoded, or
 * '' when absent or malformed. core/contract/attachments.ts cleanFileName sanitises it.
 */
export function sentFileName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw || raw.length > 1024) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}
