// A small HTML tokenizer for the app's own index.html (no HTML parser is installed): start tags with
// their attributes, and the raw text inside <script> and <style>. It follows the HTML attribute
// syntax (double-, single- or unquoted values, valueless attributes) and skips comments.

export type Element = { tag: string; attrs: Map<string, string>; text: string };

const NAME = /[^\s"'>/=]+/y;
const SPACE = /[\s/]*/y;

const readAt = (re: RegExp, src: string, at: number): string => {
  re.lastIndex = at;
  return re.exec(src)?.[0] ?? '';
};

export const elements = (src: string): Element[] => {
  const out: Element[] = [];
  let i = 0;
  while ((i = src.indexOf('<', i)) !== -1) {
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      i = end === -1 ? src.length : end + 3;
      continue;
    }
    if (!/[a-zA-Z]/.test(src[i + 1] ?? '')) {
      i += 1; // end tag, doctype or a stray '<'
      continue;
    }
    const tag = readAt(/[a-zA-Z0-9-]+/y, src, i + 1).toLowerCase();
    i += 1 + tag.length;
    const attrs = new Map<string, string>();
    for (;;) {
      i += readAt(SPACE, src, i).length;
      if (i >= src.length || src[i] === '>') break;
      const name = readAt(NAME, src, i).toLowerCase();
      i += Math.max(name.length, 1);
      let value = '';
      if (readAt(/\s*=\s*/y, src, i)) {
        i += readAt(/\s*=\s*/y, src, i).length;
        const quote = src[i];
        if (quote === '"' || quote === "'") {
          const end = src.indexOf(quote, i + 1);
          value = src.slice(i + 1, end === -1 ? src.length : end);
          i = end === -1 ? src.length : end + 1;
        } else {
          value = readAt(/[^\s>]+/y, src, i);
          i += value.length;
        }
      }
      if (name) attrs.set(name, value);
    }
    i += 1;
    let text = '';
    if (tag === 'script' || tag === 'style') {
      const end = src.toLowerCase().indexOf(`</${tag}`, i);
      text = src.slice(i, end === -1 ? src.length : end);
      i = end === -1 ? src.length : end;
    }
    out.push({ tag, attrs, text });
  }
  return out;
};

/** Directives of a policy, in order: [name, sources]. */
export const cspDirectives = (policy: string): [string, string][] =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name = '', ...sources]) => [name.toLowerCase(), sources.join(' ')]);
