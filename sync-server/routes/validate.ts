import type { Context } from 'hono';
import type { z } from 'zod';
import { firstIssueText } from '../../shared/zodIssue';
import { badRequest } from '../errors';

function firstProblem(error: z.ZodError): { message: string; details: { path: string; message: string }[] } {
  return {
    message: firstIssueText(error),
    details: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

/** Parses a JSON body against `schema`; every failure is a 400 naming the first bad field. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw badRequest('invalid_json', 'The request body must be JSON.');
  }
  return parseBody(schema, raw);
}

/** Parses the query string (each parameter once, as a string) against `schema`; failures are a 400 `invalid_query`. */
export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const { message, details } = firstProblem(parsed.error);
    throw badRequest('invalid_query', message, details);
  }
  return parsed.data;
}

/** Like jsonBody, for a body that may be left out entirely: an empty body is parsed as `{}`. */
export async function optionalJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  if (text.trim() === '') return parseBody(schema, {});
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest('invalid_json', 'The request body must be JSON.');
  }
  return parseBody(schema, raw);
}

function parseBody<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const { message, details } = firstProblem(parsed.error);
    throw badRequest('invalid_body', message, details);
  }
  return parsed.data;
}
