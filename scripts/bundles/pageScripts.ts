/** The scripts a built page makes the browser fetch before it runs: its module entries and modulepreloads. */
export interface PageScripts {
  /** Paths under dist/ ('assets/track-abc.js'), in page order, each once. */
  readonly local: readonly string[];
  /** Scripts from other origins: loaded before interactive, but not measurable from dist/. */
  readonly external: readonly string[];
}

const TAG = /<(script|link)\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, doubled, single, bare] of text.matchAll(ATTRIBUTE)) {
    if (name) found.set(name.toLowerCase(), doubled ?? single ?? bare ?? '');
  }
  return found;
}

function scriptUrl(tag: string, attrs: ReadonlyMap<string, string>): string | null {
  if (tag === 'script') return attrs.get('type') === 'module' ? (attrs.get('src') ?? null) : null;
  const rel = attrs.get('rel')?.toLowerCase().split(/\s+/) ?? [];
  return rel.includes('modulepreload') ? (attrs.get('href') ?? null) : null;
}

/** `url` as a path under dist/: root-relative as Vite writes them, or relative to the page's folder. */
function underDist(url: string, page: string): string {
  const clean = url.split(/[?#]/)[0] ?? url;
  if (clean.startsWith('/')) return clean.slice(1);
  const parts = page.split('/').slice(0, -1);
  for (const part of clean.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** Reads the module scripts and modulepreload links of `html`, the built page at `page` under dist/. */
export function pageScripts(html: string, page: string): PageScripts {
  const local: string[] = [];
  const external: string[] = [];
  for (const [, tag, rest] of html.matchAll(TAG)) {
    if (!tag || rest === undefined) continue;
    const url = scriptUrl(tag.toLowerCase(), attributes(rest));
    if (!url) continue;
    if (/^([a-z][a-z0-9+.-]*:)?\/\//i.test(url)) external.push(url);
    else local.push(underDist(url, page));
  }
  return { local: [...new Set(local)], external: [...new Set(external)] };
}
