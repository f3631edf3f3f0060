import { z } from 'zod';

/** Every HTTP error answer: `{"error":{"code","message"}}` (DESIGN.md), written by the server's one onError. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
