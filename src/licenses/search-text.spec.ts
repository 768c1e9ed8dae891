import { escapeLike, licenseSearchText, normalizeSearchText } from './search-text';

describe('normalizeSearchText', () => {
  it.each([
    ['Nghệ An', 'nghe an'],
    ['ĐÀ NẴNG', 'da nang'],
    ['đường Lê Hồng Phong', 'duong le hong phong'],
    ['  Xứ   Nghệ\tOnline ', 'xu nghe online'],
    ['xứnghệ.vn', 'xunghe.vn'],
    ['44/GP-STTTT', '44/gp-stttt'],
    ['Thừa Thiên Huế', 'thua thien hue'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it('makes a query match the indexed text whatever its case and marks', () => {
    const indexed = licenseSearchText({
      number: '44/GP-STTTT',
      organizationName: 'Công ty Cổ phần Truyền thông Xứ Nghệ',
      siteName: 'Đà Nẵng Online',
      domains: ['danang.vn'],
    });
    for (const q of ['nghe', 'NGHỆ', 'đà nẵng', 'ĐÀ', 'da', '44/gp', 'danang.vn']) {
      expect(indexed).toContain(normalizeSearchText(q));
    }
    expect(indexed).not.toContain(normalizeSearchText('Hà Nội'));
  });
});

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
