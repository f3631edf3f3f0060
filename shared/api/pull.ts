import { z } from 'zod';

/** Documents one pull may ask for: a push names a handful; more is not a wake-up. */
export const MAX_PULL_DOCS = 20;

const base64 = z
  .string()
  .max(64 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/**
 * `POST /api/sync/pull` (bearer, or none for `track:` documents): what a service worker fetches when a
 * push wakes it. Each document is authorized exactly as a socket subscribe is; the answer holds the
 * Yjs update that brings a replica at `stateVector` (base64 of Y.encodeStateVector; '' for none) up to
 * the server's committed state.
 */
export const pullRequestSchema = z.object({
  docs: z
    .array(z.object({ name: z.string().min(1).max(200), stateVector: base64 }))
    .min(1)
    .max(MAX_PULL_DOCS),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pulledDocSchema = z.union([
  z.object({ name: z.string(), update: z.string() }),
  z.object({ name: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export const pullResponseSchema = z.object({ docs: z.array(pulledDocSchema) });
export type PullResponse = z.infer<typeof pullResponseSchema>;
