import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readAnswer } from '../../../../../client/common/api/http';

const schema = z.object({ n: z.number() });

describe('reading an answer against the contract', () => {
  it('gives the parsed value of an answer that fits', () => {
    expect(readAnswer({ ok: true, body: { n: 1 } }, schema, 'unreadable')).toEqual({ ok: true, value: { n: 1 } });
  });

  it('says the answer could not be read when it does not fit', () => {
    expect(readAnswer({ ok: true, body: { n: 'one' } }, schema, 'unreadable')).toEqual({
      ok: false,
      error: { status: 200, code: 'bad_response', message: 'unreadable' },
    });
  });

  it('passes the server’s refusal on unchanged', () => {
    const refusal = { ok: false, error: { status: 422, code: 'outside_zone', message: 'Too far.' } } as const;
    expect(readAnswer(refusal, schema, 'unreadable')).toEqual(refusal);
  });
});
