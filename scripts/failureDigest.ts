/**
 * What a failed lane of `runTogether` prints again once every lane has ended. CI shows only the tail of
 * `npm test`'s output, and a lane that fails early is followed by minutes of another lane's lines: the
 * failure report has to come last to be seen. Vitest opens its report with a "Failed Tests" (or "Failed
 * Suites", "Unhandled Errors") rule; from there on is the digest. Output without such a rule gives its last lines.
 */

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters by definition
const ANSI = /\u001b\[[0-9;]*m/g;
const REPORT_STARTS = /Failed (Tests|Suites) \d+|Unhandled Errors?/;

export class FailureDigest {
  private report: string[] | undefined;
  private readonly tail: string[] = [];

  constructor(private readonly maxLines: number) {}

  push(line: string): void {
    const plain = line.replace(ANSI, '');
    if (this.report === undefined && REPORT_STARTS.test(plain)) this.report = [];
    if (this.report !== undefined) {
      if (this.report.length < this.maxLines) this.report.push(plain);
      return;
    }
    this.tail.push(plain);
    if (this.tail.length > this.maxLines) this.tail.shift();
  }

  /** The report from its first rule, or the last lines when there was none; at most maxLines either way. */
  lines(): readonly string[] {
    return this.report ?? this.tail;
  }
}
