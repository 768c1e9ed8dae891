import { attachmentDisposition, FALLBACK_FILE_NAME, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it('keeps Vietnamese names, composed (NFC)', () => {
    expect(sanitizeFileName('ảnh hồ sơ.pdf')).toBe('ảnh hồ sơ.pdf');
    const decomposed = 'Đơn đề nghị.pdf'.normalize('NFD');
    expect(sanitizeFileName(decomposed)).toBe('Đơn đề nghị.pdf'.normalize('NFC'));
  });

  it('keeps only the last path segment', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\an\\Giấy phép.pdf')).toBe('Giấy phép.pdf');
    expect(sanitizeFileName('/')).toBe(FALLBACK_FILE_NAME);
    expect(sanitizeFileName('..')).toBe(FALLBACK_FILE_NAME);
  });

  it('drops control and invisible characters, replaces reserved ones, collapses spaces', () => {
    expect(sanitizeFileName('a\u0000b\u0007c\r\n.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('hoa-don\u202Efdp.exe')).toBe('hoa-donfdp.exe');
    expect(sanitizeFileName('a<b>:"c|?*.pdf')).toBe('a_b___c___.pdf');
    expect(sanitizeFileName('  tờ   trình \t .pdf ')).toBe('tờ trình .pdf');
    expect(sanitizeFileName('.hidden.pdf')).toBe('hidden.pdf');
  });

  it('falls back to a neutral name when nothing usable is left', () => {
    expect(sanitizeFileName(undefined)).toBe(FALLBACK_FILE_NAME);
    expect(sanitizeFileName('')).toBe(FALLBACK_FILE_NAME);
    expect(sanitizeFileName('\u0001\u0002')).toBe(FALLBACK_FILE_NAME);
  });

  it('cuts long names to 200 characters, keeping the extension', () => {
    const long = `${'ệ'.repeat(300)}.pdf`;
    const out = sanitizeFileName(long);
    expect(Array.from(out)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(out.endsWith('.pdf')).toBe(true);
    const noExt = 'x'.repeat(250);
    expect(sanitizeFileName(noExt)).toBe('x'.repeat(200));
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(attachmentDisposition('ảnh hồ sơ (bản 2).pdf')).toBe(
      `attachment; filename="anh ho so (ban 2).pdf"; ` +
        `filename*=UTF-8''%E1%BA%A3nh%20h%E1%BB%93%20s%C6%A1%20%28b%E1%BA%A3n%202%29.pdf`,
    );
    expect(attachmentDisposition('Đơn.pdf')).toContain('filename="Don.pdf"');
  });

  it('never lets a quote or a line break into the header', () => {
    const header = attachmentDisposition('a"b\r\nSet-Cookie: x.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toContain("filename*=UTF-8''");
  });
});
