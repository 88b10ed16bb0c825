/** Reading an .xlsx package back for tests: its parts, a strict little XML parser, relationships and content types. */
import { posix } from 'node:path';
import yauzl from 'yauzl';

export async function readParts(path: string): Promise<Map<string, string>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const parts = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return parts;
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/gu;
const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
const START_TAG = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>$`, 'u');
const ATTR = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'gu');
const END_TAG = new RegExp(`^</(${NAME})\\s*>$`, 'u');
const BAD_AMP = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gu, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? ''),
  );
}

/**
 * Parses a part, throwing on anything not well-formed: unbalanced or malformed tags, a bare '&',
 * duplicate attributes, text outside the root, a namespace prefix no ancestor declares.
 */
export function parseXml(xml: string, part = 'part'): XmlElement {
  const fail = (why: string): Error => new Error(`${part}: ${why}`);
  const stack: { el: XmlElement; ns: Set<string> }[] = [];
  let root: XmlElement | undefined;
  for (const [token] of xml.matchAll(TOKEN)) {
    if (token.startsWith('<?') || token.startsWith('<!--')) continue;
    const top = stack.at(-1);
    if (!token.startsWith('<')) {
      if (BAD_AMP.test(token)) throw fail(`bare '&' in text ${JSON.stringify(token.slice(0, 60))}`);
      if (!top) {
        if (token.trim() !== '') throw fail(`text outside the root: ${JSON.stringify(token.slice(0, 60))}`);
        continue;
      }
      top.el.text += decode(token);
      continue;
    }
    if (token.startsWith('<![CDATA[')) {
      if (!top) throw fail('CDATA outside the root');
      top.el.text += token.slice(9, -3);
      continue;
    }
    const end = END_TAG.exec(token);
    if (end) {
      if (!top || top.el.name !== end[1]) throw fail(`</${end[1]}> closes <${top?.el.name ?? 'nothing'}>`);
      stack.pop();
      continue;
    }
    const start = START_TAG.exec(token);
    if (!start?.[1]) throw fail(`malformed tag ${JSON.stringify(token.slice(0, 80))}`);
    const attrs: Record<string, string> = {};
    for (const m of (start[2] ?? '').matchAll(ATTR)) {
      const [, key = '', dq, sq] = m;
      if (key in attrs) throw fail(`duplicate attribute ${key} in <${start[1]}>`);
      const raw = dq ?? sq ?? '';
      if (BAD_AMP.test(raw)) throw fail(`bare '&' in attribute ${key} of <${start[1]}>`);
      attrs[key] = decode(raw);
    }
    const ns = new Set(top?.ns ?? ['xml']);
    for (const key of Object.keys(attrs)) if (key.startsWith('xmlns:')) ns.add(key.slice(6));
    for (const qname of [start[1], ...Object.keys(attrs).filter((k) => !k.startsWith('xmlns'))]) {
      const prefix = qname.includes(':') ? qname.split(':')[0] : undefined;
      if (prefix && !ns.has(prefix)) throw fail(`prefix '${prefix}' of ${qname} is not declared`);
    }
    const el: XmlElement = { name: start[1], attrs, children: [], text: '' };
    if (top) top.el.children.push(el);
    else if (root) throw fail('a second root element');
    else root = el;
    if (start[3] !== '/') stack.push({ el, ns });
  }
  if (stack.length > 0) throw fail(`<${stack.at(-1)?.el.name}> is never closed`);
  if (!root) throw fail('no root element');
  return root;
}

/** Every descendant element named `name`, document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function attr(el: XmlElement | undefined, name: string): string {
  const v = el?.attrs[name];
  if (v === undefined) throw new Error(`<${el?.name ?? '?'}> has no ${name}`);
  return v;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The .rels part that describes `part`: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** The relationships of `part`, targets resolved to package paths. */
export function relationshipsOf(parts: ReadonlyMap<string, string>, part: string): Relationship[] {
  const xml = parts.get(relsPathOf(part));
  if (xml === undefined) return [];
  return findAll(parseXml(xml, relsPathOf(part)), 'Relationship').map((r) => {
    const external = r.attrs.TargetMode === 'External';
    const target = attr(r, 'Target');
    const resolved = external ? target : target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(part), target));
    return { id: attr(r, 'Id'), type: attr(r, 'Type'), target: resolved, external };
  });
}

/** Part name (no leading slash) → content type, from Overrides, else the Default for its extension. */
export function contentTypes(parts: ReadonlyMap<string, string>): (part: string) => string | undefined {
  const types = parseXml(parts.get('[Content_Types].xml') ?? '', '[Content_Types].xml');
  const overrides = new Map(findAll(types, 'Override').map((o) => [attr(o, 'PartName').replace(/^\//u, ''), attr(o, 'ContentType')]));
  const defaults = new Map(findAll(types, 'Default').map((d) => [attr(d, 'Extension').toLowerCase(), attr(d, 'ContentType')]));
  return (part) => overrides.get(part) ?? defaults.get(posix.extname(part).slice(1).toLowerCase());
}

/** Overrides naming a part that is not in the package. */
export function danglingOverrides(parts: ReadonlyMap<string, string>): string[] {
  const types = parseXml(parts.get('[Content_Types].xml') ?? '', '[Content_Types].xml');
  return findAll(types, 'Override')
    .map((o) => attr(o, 'PartName').replace(/^\//u, ''))
    .filter((p) => !parts.has(p));
}
