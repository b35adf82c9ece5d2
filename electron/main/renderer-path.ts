import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export const contentTypeOf = (file: string): string => CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
