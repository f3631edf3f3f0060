import { z } from 'zod';
import type { ChosenDriver } from '../../../shared/dispatch/chooseDriver';
import { OrderIdSchema, UserIdSchema } from '../../../shared/ids';
import { fail, ok, type Result } from '../../../shared/result';

/** What a node that does not lead tells the leader: look again at every waiting delivery, or at one order. */
export const noticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kick') }),
  z.object({ kind: z.literal('order'), orderId: OrderIdSchema }),
]);
export type Notice = z.infer<typeof noticeSchema>;

/** A decision a node that does not lead asks the leader for, on behalf of a request it received. */
export const dispatchAskSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('accept'), driverId: UserIdSchema, orderId: OrderIdSchema }),
  z.object({ op: z.literal('decline'), driverId: UserIdSchema, orderId: OrderIdSchema, reason: z.string().nullable() }),
  z.object({ op: z.literal('shift'), driverId: UserIdSchema, onShift: z.boolean() }),
  z.object({ op: z.literal('assign'), orderId: OrderIdSchema }),
]);
export type DispatchAsk = z.infer<typeof dispatchAskSchema>;

export const askMessageSchema = z.object({ id: z.string().min(1), replyTo: z.string().min(1), ask: dispatchAskSchema });

/**
 * The leader's answer: the decision's Result; `retry` when it stopped leading before deciding (ask the
 * next one); `failed` when deciding threw (storage failing), which the asking node answers as a 500.
 */
export const answerSchema = z.union([
  z.object({ result: z.unknown() }),
  z.object({ retry: z.literal(true) }),
  z.object({ failed: z.string() }),
]);
export type Answer = z.infer<typeof answerSchema>;

export const replyMessageSchema = z.object({ id: z.string().min(1), answer: answerSchema });

/** A Result as it crossed the bus (JSON), parsed back with its refusal codes held to `codes`. */
export function resultSchema<T, C extends string>(value: z.ZodType<T>, codes: readonly [C, ...C[]]): z.ZodType<Result<T, C>> {
  return z.union([
    z.object({ ok: z.literal(true), value }).transform((r) => ok(r.value)),
    z
      .object({ ok: z.literal(false), error: z.object({ code: z.enum(codes), message: z.string() }) })
      .transform((r) => fail(r.error.code, r.error.message)),
  ]);
}

/** Nothing: JSON leaves `value: undefined` out. */
export const nothingSchema = z.undefined().optional();

export const chosenDriverSchema = z.object({
  driverId: UserIdSchema,
  distanceMeters: z.number(),
  reach: z.enum(['connected', 'asleep', 'unreachable']),
}) satisfies z.ZodType<ChosenDriver>;
