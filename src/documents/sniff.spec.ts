import { sniffContentType } from './sniff';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('sniffContentType', () => {
  it('recognizes PDF, PNG and JPEG by their magic numbers', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d))).toBe('image/png');
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
  });

  it('refuses everything else, including near misses and truncated heads', () => {
    expect(sniffContentType(Buffer.from('hello, world'))).toBeNull();
    expect(sniffContentType(Buffer.from('%PDF'))).toBeNull(); // no dash
    expect(sniffContentType(Buffer.from(' %PDF-1.4'))).toBeNull(); // not at the start
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull(); // 7 of 8 PNG bytes
    expect(sniffContentType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffContentType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffContentType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffContentType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // ZIP / DOCX
    expect(sniffContentType(bytes())).toBeNull();
  });
});
