import { escapeHtml, markup, queryString, SafeHtml } from './html';

describe('public pages: the HTML template helper', () => {
  it('escapes the characters that can open markup or close an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
    expect(escapeHtml('Tin tức Nghệ An – “đúng”')).toBe('Tin tức Nghệ An – “đúng”');
  });

  it('escapes every interpolated text, in text and in attributes', () => {
    const name = '<script>alert(1)</script>';
    const out = markup`<p title="${name}">${name}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('inserts nested templates as they are, and lists joined, with their own values escaped', () => {
    const items = ['a&b', '<i>'];
    const out = markup`<ul>${items.map((i) => markup`<li>${i}</li>`)}</ul>`;
    expect(out.value).toBe('<ul><li>a&amp;b</li><li>&lt;i&gt;</li></ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as digits', () => {
    expect(markup`${null}${undefined}${false}${0}${12.5}${NaN}`.value).toBe('012.5');
  });

  it('a string that looks like markup stays text: only markup`` makes markup', () => {
    const fake = { value: '<b>x</b>', toString: () => '<b>x</b>' } as unknown as string;
    expect(markup`${fake}`.value).toBe('&lt;b&gt;x&lt;/b&gt;');
  });

  it('builds query strings without empty parameters', () => {
    expect(queryString({ q: 'nghệ an & co', status: undefined, page: 2, x: '' })).toBe(
      '?q=ngh%E1%BB%87+an+%26+co&page=2',
    );
    expect(queryString({ q: '' })).toBe('');
  });
});
