import { fail, ok, type Result } from '../../../../shared/result';

/**
 * An amount typed in major units ("120", "120.5", "120.50") as minor units, checked against what may still
 * be refunded. Two decimals at most: money is never a float on the wire.
 */
export function refundAmount(typed: string, left: number): Result<number, 'bad_amount'> {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(typed);
  if (!match) return fail('bad_amount', 'Enter an amount like 120 or 120.50.');
  const minor = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (minor <= 0) return fail('bad_amount', 'Enter an amount above zero.');
  if (minor > left) return fail('bad_amount', `At most ${(left / 100).toFixed(2)} can still be refunded.`);
  return ok(minor);
}
