import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readAnswer } from '../../../../../client/common/api/http';

const schema = z.object({ n: z.number() });

describe('reading an answer against the contract', () => {
  it('gives the parsed value of an answer that fits', () => {
    expect(readAnswer({ ok: true, value: { n: 1 } }, schema, 'unreadable')).toEqual({ ok: true, value: { n: 1 } });
  });

  it('says the answer could not be read when it does not fit', () => {
    expect(readAnswer({ ok: true, value: { n: 'one' } }, schema, 'unreadable')).toEqual({
      ok: false,
      error: { code: 'bad_response', message: 'unreadable', details: { status: 200 } },
    });
  });

  it('passes the server’s refusal on unchanged', () => {
    const refusal = { ok: false, error: { code: 'outside_zone', message: 'Too far.', details: { status: 422 } } } as const;
    expect(readAnswer(refusal, schema, 'unreadable')).toEqual(refusal);
  });
});
