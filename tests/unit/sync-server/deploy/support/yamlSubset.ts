/**
 * Reads the YAML the deployment files are written in, for their tests (no YAML parser is installed):
 * block mappings and sequences, plain and quoted scalars, one-line flow sequences of scalars, comments,
 * anchors, aliases and `<<` merge keys. Scalars stay strings, as Compose passes them on. Anything else
 * (block scalars, flow mappings, tags, several documents, tabs) is refused with its line number, so a
 * file that outgrows the subset fails its test instead of being misread.
 */
export type YamlValue = string | null | YamlValue[] | YamlMapping;
export interface YamlMapping {
  readonly [key: string]: YamlValue;
}

interface Line {
  readonly no: number;
  readonly indent: number;
  readonly text: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#&*!|>{[\]-][^:#]*?|-[^\s:][^:#]*?)\s*:(?:\s+(.*))?$/;

class YamlError extends Error {
  constructor(line: number, message: string) {
    super(`yaml line ${line}: ${message}`);
  }
}

/** The text before a comment: `#` at the start or after a space, outside quotes. */
function withoutComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || raw[i - 1] === ' ')) return raw.slice(0, i);
  }
  return raw;
}

function scalar(text: string, no: number): string {
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) throw new YamlError(no, `unterminated or trailing text after a quoted scalar: ${text}`);
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'string') throw new YamlError(no, `not a string: ${text}`);
    return value;
  }
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new YamlError(no, `unterminated or trailing text after a quoted scalar: ${text}`);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (/^[|>{!%@`]/.test(text) || text === '---') throw new YamlError(no, `outside the subset: ${text}`);
  return text;
}

function flowSequence(text: string, no: number): string[] {
  if (!text.endsWith(']')) throw new YamlError(no, 'a flow sequence must end on its line');
  const items: string[] = [];
  let quote: string | null = null;
  let start = 1;
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') throw new YamlError(no, 'nested flow collections are outside the subset');
    else if (c === ',') {
      items.push(scalar(text.slice(start, i).trim(), no));
      start = i + 1;
    }
  }
  const last = text.slice(start, -1).trim();
  if (last !== '') items.push(scalar(last, no));
  return items;
}

export function parseYaml(source: string): YamlValue {
  const lines: Line[] = [];
  source.split('\n').forEach((raw, i) => {
    if (/^\s*\t/.test(raw)) throw new YamlError(i + 1, 'tabs are outside the subset');
    const text = withoutComment(raw).trimEnd();
    if (text.trim() === '') return;
    lines.push({ no: i + 1, indent: text.length - text.trimStart().length, text: text.trimStart() });
  });
  const anchors = new Map<string, YamlValue>();
  let at = 0;

  /** A value written after `key:` or `- ` on line `no`, or the block below it when there is none. */
  const inlineOrBlock = (rest: string, no: number, parentIndent: number): YamlValue => {
    const anchor = /^&([\w-]+)(?:\s+(.*))?$/.exec(rest);
    if (anchor) {
      const value = inlineOrBlock(anchor[2] ?? '', no, parentIndent);
      anchors.set(anchor[1] ?? '', value);
      return value;
    }
    if (rest.startsWith('*')) {
      const name = rest.slice(1);
      if (!anchors.has(name)) throw new YamlError(no, `unknown alias *${name}`);
      return anchors.get(name) ?? null;
    }
    if (rest.startsWith('[')) return flowSequence(rest, no);
    if (rest !== '') return scalar(rest, no);
    const next = lines[at];
    return next && next.indent > parentIndent ? block(next.indent) : null;
  };

  const sequence = (indent: number): YamlValue[] => {
    const items: YamlValue[] = [];
    for (let line = lines[at]; line && line.indent === indent && /^-(\s|$)/.test(line.text); line = lines[at]) {
      const rest = line.text.slice(1).trimStart();
      if (KEY.test(rest)) {
        // "- key: value": a mapping whose first key sits where the text after the dash starts.
        lines[at] = { no: line.no, indent: indent + line.text.length - rest.length, text: rest };
        items.push(block(lines[at]?.indent ?? 0));
      } else {
        at++;
        items.push(inlineOrBlock(rest, line.no, indent));
      }
    }
    return items;
  };

  const mapping = (indent: number): YamlMapping => {
    const own: Record<string, YamlValue> = {};
    const merged: Record<string, YamlValue> = {};
    for (let line = lines[at]; line && line.indent === indent; line = lines[at]) {
      const match = KEY.exec(line.text);
      if (!match) throw new YamlError(line.no, `expected "key: value": ${line.text}`);
      at++;
      const key = scalar(match[1]?.trim() ?? '', line.no);
      const value = inlineOrBlock(match[2] ?? '', line.no, indent);
      if (key === '<<') {
        if (value === null || typeof value === 'string' || Array.isArray(value)) throw new YamlError(line.no, '<< must merge a mapping');
        Object.assign(merged, value);
      } else {
        if (Object.hasOwn(own, key)) throw new YamlError(line.no, `duplicate key ${key}`);
        own[key] = value;
      }
    }
    // Merged keys never override the mapping's own, wherever the << stands.
    return { ...merged, ...own };
  };

  const block = (indent: number): YamlValue => {
    const first = lines[at];
    if (!first) return null;
    const value = /^-(\s|$)/.test(first.text) ? sequence(indent) : mapping(indent);
    const next = lines[at];
    if (next && next.indent > indent) throw new YamlError(next.no, 'unexpected indentation');
    return value;
  };

  const root = block(0);
  const left = lines[at];
  if (left) throw new YamlError(left.no, `unexpected text: ${left.text}`);
  return root;
}

/** The mapping at `value`, or an error naming `what`. */
export function mappingOf(value: YamlValue | undefined, what: string): YamlMapping {
  if (value === null || value === undefined || typeof value === 'string' || Array.isArray(value))
    throw new Error(`${what} is not a mapping`);
  return value;
}

export function sequenceOf(value: YamlValue | undefined, what: string): YamlValue[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a sequence`);
  return value;
}

export function stringOf(value: YamlValue | undefined, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what} is not a scalar`);
  return value;
}
