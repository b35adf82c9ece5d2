// The app's own pages are served from app://registrar/. IPC from anything else (an iframe, a page
// that navigated away, a devtools-injected frame) is refused. Compare protocol and host, not
// `origin`: WHATWG URL gives "null" as the origin of non-special schemes such as app:.
export const APP_SCHEME = 'app';
export const APP_HOST = 'registrar';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

export type FrameLike = { url: string; parent: unknown } | null | undefined;

export const isAppUrl = (url: string): boolean => {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
};

export const isTrustedFrame = (frame: FrameLike): boolean =>
  frame != null && frame.parent === null && isAppUrl(frame.url);
