/**
 * The bytes decide what an upload is: real minimal PDF, Word and Excel files (built here, in the
 * formats' own structures) are taken as what they are; the same bytes renamed, a Windows program, a
 * text file that only starts like a PDF, a zip that is no Office document, an Office file with
 * macros and a mangled compound file are not.
 */
import JSZip from 'jszip';
import { compoundEntries, sentFileName, sniff, zipEntries } from './sniff';
import { minimalCompound, minimalDocx, minimalPdf, realXlsx } from '../tests/support/sample-files';

const png = () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('what the bytes are', () => {
  test('photos keep working', () => {
    expect(sniff(png())).toEqual({ ext: '.png', type: 'image/png', image: true });
    expect(sniff(Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(100)]))).toMatchObject({ ext: '.jpg', image: true });
  });

  test('pdf, doc, docx, xls and xlsx, each from its own structure', async () => {
    expect(sniff(minimalPdf())).toEqual({ ext: '.pdf', type: 'application/pdf', image: false });
    expect(sniff(minimalCompound(['WordDocument', '1Table']))).toEqual({ ext: '.doc', type: 'application/msword', image: false });
    expect(sniff(minimalCompound(['Workbook']))).toEqual({ ext: '.xls', type: 'application/vnd.ms-excel', image: false });
    expect(sniff(minimalCompound(['Book']))).toMatchObject({ ext: '.xls' });
    expect(sniff(await minimalDocx())).toEqual({ ext: '.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', image: false });
    expect(sniff(await realXlsx())).toEqual({ ext: '.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', image: false });
    expect(compoundEntries(minimalCompound(['WordDocument']))).toEqual(['Root Entry', 'WordDocument']);
    expect(zipEntries(await minimalDocx())).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
  });

  test('a program or text renamed .pdf/.docx, and look-alikes, are refused', async () => {
    const exe = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(400)]);
    expect(sniff(exe)).toBeNull();
    expect(sniff(Buffer.from('这是一个文本文件，改名为 报告.pdf'))).toBeNull();
    // starts like a PDF but is not one (no end-of-file marker): a script with a PDF header pasted on
    expect(sniff(Buffer.from('%PDF-1.4\n<script>alert(1)</script>\n'))).toBeNull();
    // a zip that is no Office package (an app, an archive)
    const plain = new JSZip();
    plain.file('classes.dex', 'x');
    expect(sniff(await plain.generateAsync({ type: 'nodebuffer' }))).toBeNull();
    // macros: a .docm renamed .docx, a .doc with a Macros storage
    expect(sniff(await minimalDocx({ 'word/vbaProject.bin': 'vba' }))).toBeNull();
    expect(sniff(minimalCompound(['WordDocument', 'Macros']))).toBeNull();
    // a compound file that is neither (a .ppt), and one cut short
    expect(sniff(minimalCompound(['PowerPoint Document']))).toBeNull();
    expect(sniff(minimalCompound(['WordDocument']).subarray(0, 700))).toBeNull();
  });

  test('a compound file whose directory chain loops or points outside the file is refused, not followed', () => {
    const loop = minimalCompound(['WordDocument']);
    loop.writeUInt32LE(1, 512 + 4); // sector 1 → sector 1 → …
    expect(() => sniff(loop)).not.toThrow();
    expect(sniff(loop)).toBeNull();
    const outside = minimalCompound(['WordDocument']);
    outside.writeUInt32LE(999, 0x30);
    expect(sniff(outside)).toBeNull();
  });

  test('the sent file name is percent-decoded, or empty when malformed', () => {
    expect(sentFileName(encodeURIComponent('盖章函.pdf'))).toBe('盖章函.pdf');
    expect(sentFileName('%E4%B8')).toBe('');
    expect(sentFileName(undefined)).toBe('');
  });
});
