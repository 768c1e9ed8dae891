import { readCookie } from './session-cookie';

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; gis_session=abc%2Fd; b=2', 'gis_session')).toBe('abc/d');
  });
  it('is undefined without a header or without the name', () => {
    expect(readCookie(undefined, 'gis_session')).toBeUndefined();
    expect(readCookie('gis_sessionx=1; other=2', 'gis_session')).toBeUndefined();
  });
  it('keeps a value that is not valid percent-encoding as it is', () => {
    expect(readCookie('gis_session=%E0%A4%A', 'gis_session')).toBe('%E0%A4%A');
  });
});
