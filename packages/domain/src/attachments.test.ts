import { describe, expect, it } from 'vitest';
import { attachmentFileName, sniffAttachmentType } from './attachments.ts';

describe('issue 9: a file is named by the type of its bytes', () => {
  it.each<[string, Parameters<typeof attachmentFileName>[1], string]>([
    ['trang.html', 'image/png', 'trang.png'],
    ['trang.HTML', 'image/png', 'trang.png'],
    ['ảnh giấy hẹn.png', 'image/png', 'ảnh giấy hẹn.png'],
    ['scan.JPEG', 'image/jpeg', 'scan.JPEG'],
    ['scan.jpg', 'image/jpeg', 'scan.jpg'],
    ['scan.png', 'image/jpeg', 'scan.jpg'],
    ['hồ sơ.pdf.exe', 'application/pdf', 'hồ sơ.pdf.pdf'],
    ['bao-cao.svg', 'image/webp', 'bao-cao.webp'],
    ['mở.html. . .', 'image/png', 'mở.png'],
    ['mở.html\u202Egnp', 'image/png', 'mở.png'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\a\\b.htm', 'image/png', 'b.png'],
    ['.html', 'image/png', 'tep-dinh-kem.png'],
    ['', 'application/pdf', 'tep-dinh-kem.pdf'],
    ['Phường 1. Hồ sơ', 'application/pdf', 'Phường 1. Hồ sơ.pdf'],
    ['lạ.html', null, 'lạ.bin'],
  ])('%j with %s bytes is saved as %j', (name, type, expected) => {
    expect(attachmentFileName(name, type)).toBe(expected);
  });

  it('always ends in the extension of the sniffed type, whatever the name', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (const name of ['x.html', 'x.svg', 'x.xhtml.', 'x.html ', 'x.png.html', 'x.html::$DATA', 'x.html%00.png']) {
      expect(attachmentFileName(name, sniffAttachmentType(png)), name).toMatch(/\.png$/);
    }
  });
});
