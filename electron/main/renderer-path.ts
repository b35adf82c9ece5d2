import * as nodePath from 'node:path';
import { extname } from 'node:path';

type PathRules = Pick<typeof nodePath, 'isAbsolute' | 'relative' | 'resolve' | 'sep'>;

/**
 * Resolves a request path inside the renderer folder, or null when it would escape it. `rules` are
 * the platform's path rules (tests run the Windows ones too). A backslash or a colon never belongs in
 * an asset path: refused outright, so neither a Windows separator, a drive letter, a UNC prefix nor
 * an NTFS stream (`index.html:stream`) can reach the file system, whatever the platform.
 */
export const resolveInside = (rendererDir: string, pathname: string, rules: PathRules = nodePath): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed %-escape
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const target = rules.resolve(rendererDir, `.${decoded === '/' ? '/index.html' : decoded}`);
  const rel = rules.relative(rendererDir, target);
  if (rel === '' || rules.isAbsolute(rel) || rel.split(rules.sep).includes('..')) return null;
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
