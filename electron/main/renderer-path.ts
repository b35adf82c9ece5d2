import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Resolves a request path inside the renderer folder, or null when it would escape it. */
export const resolveInside = (rendererDir: string, pathname: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed %-escape
  }
  if (decoded.includes('\0')) return null;
  const target = resolve(rendererDir, `.${decoded === '/' ? '/index.html' : decoded}`);
  const rel = relative(rendererDir, target);
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
};
