import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../shared/result';

describe('Result', () => {
  it('carries a value when it is ok', () => {
    expect(ok({ id: 1 })).toEqual({ ok: true, value: { id: 1 } });
    expect(ok()).toEqual({ ok: true, value: undefined });
  });

  it('carries a refusal as {code, message} under error', () => {
    const refused: Result<number, 'too_big'> = fail('too_big', 'The number is too big.');
    expect(refused).toEqual({ ok: false, error: { code: 'too_big', message: 'The number is too big.' } });
  });
});
