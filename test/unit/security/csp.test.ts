import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../electron/main/csp';
import { cspDirectives, elements } from './html';
import { ROOT } from './source';

// Checklist §7.3. The policy is sent as a header by the app:// protocol (APP_CSP) and repeated in a
// <meta> of index.html. A <meta> policy cannot carry frame-ancestors, report-uri or sandbox (the
// browser ignores them with a console error), so the meta must be exactly APP_CSP without them, in
// the same order: any other difference means the two drifted apart.
const META_IGNORED = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const CHECKLIST = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

const metaPolicy = (html: string): string[] =>
  elements(html)
    .filter((e) => e.tag === 'meta' && e.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy')
    .map((e) => e.attrs.get('content') ?? '');

/** Every URL-carrying attribute must stay on the app's own origin (relative) or be inline data. */
const remoteRefs = (html: string): string[] =>
  elements(html).flatMap((e) =>
    ['src', 'href', 'srcset', 'action', 'formaction', 'poster', 'data']
      .filter((a) => e.attrs.has(a))
      .map((a) => `${e.tag}[${a}]=${e.attrs.get(a) ?? ''}`)
      .filter((ref) => {
        const value = ref.slice(ref.indexOf('=') + 1).trim();
        return /^[a-z][a-z0-9+.-]*:/i.test(value) ? !/^data:/i.test(value) : value.startsWith('//');
      }),
  );

const inlineCode = (html: string): string[] =>
  elements(html).flatMap((e) => [
    ...(e.tag === 'script' && (!e.attrs.get('src') || e.text.trim() !== '') ? ['inline <script>'] : []),
    ...(e.tag === 'style' ? ['<style> element'] : []),
    ...[...e.attrs.keys()].filter((a) => a === 'style' || a.startsWith('on')).map((a) => `${e.tag}[${a}]`),
  ]);

// The app and the printable record page (main prints it in a hidden window), as written and as built.
const pages = ['index.html', 'record.html'].flatMap((page) => [[`renderer/${page}`], ...(existsSync(join(ROOT, `out/renderer/${page}`)) ? [[`out/renderer/${page}`]] : [])]);

describe('Content-Security-Policy', () => {
  it('APP_CSP is the checklist policy, nothing looser', () => {
    expect(cspDirectives(APP_CSP)).toEqual(CHECKLIST);
  });

  it.each(pages)('%s repeats APP_CSP in one <meta>, minus what <meta> cannot carry', (page) => {
    const html = readFileSync(join(ROOT, page), 'utf8');
    const metas = metaPolicy(html);
    expect(metas).toHaveLength(1);
    expect(cspDirectives(metas[0] ?? '')).toEqual(cspDirectives(APP_CSP).filter(([name]) => !META_IGNORED.has(name)));
  });

  it.each(pages)('%s has no inline script, style or event handler', (page) => {
    expect(inlineCode(readFileSync(join(ROOT, page), 'utf8'))).toEqual([]);
  });

  it.each(pages)('%s references nothing remote', (page) => {
    expect(remoteRefs(readFileSync(join(ROOT, page), 'utf8'))).toEqual([]);
  });

  it('the checks see what they look for', () => {
    const bad = `<meta http-equiv="Content-Security-Policy" content="default-src *">
      <div style='color:red' onclick=go()></div><script>alert(1)</script><style>p{}</style>
      <script src="https://cdn.example/x.js"></script><link rel=stylesheet href=//cdn.example/x.css><img src="data:,">`;
    expect(metaPolicy(bad)).toEqual(['default-src *']);
    expect(inlineCode(bad)).toEqual(['div[style]', 'div[onclick]', 'inline <script>', '<style> element']);
    expect(remoteRefs(bad)).toEqual(['script[src]=https://cdn.example/x.js', 'link[href]=//cdn.example/x.css']);
  });
});
