import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeReturnUrl('/projects?status=WORKS')).toBe('/projects?status=WORKS');
  });

  it.each([null, undefined, '', 'projects', 'https://evil.example/', '//evil.example', '/\\evil.example'])(
    'goes home instead of %p',
    (value) => {
      expect(safeReturnUrl(value)).toBe('/');
    },
  );

  it('never returns to the sign-in page itself', () => {
    expect(safeReturnUrl('/sign-in?returnUrl=%2F')).toBe('/');
  });
});
