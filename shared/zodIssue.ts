import type { z } from 'zod';

/** The first thing wrong in a parse, naming its field ("zones.0.fee: …"): how refusals word a bad value on both sides. */
export function firstIssueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`;
}
