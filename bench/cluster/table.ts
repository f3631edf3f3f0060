/** A table of text cells: a header row and body rows of the same width. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Aligned columns for the terminal, with a rule under the header. */
export function consoleText(t: Table): string {
  const all = [t.header, ...t.rows];
  const widths = t.header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(t.header), '─'.repeat(widths.reduce((s, w) => s + w + 2, -2)), ...t.rows.map(line)].join('\n');
}

/** A GitHub-flavoured Markdown table. */
export function markdown(t: Table): string {
  const line = (r: readonly string[]): string => `| ${r.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(t.header), line(t.header.map(() => '---')), ...t.rows.map(line)].join('\n');
}
