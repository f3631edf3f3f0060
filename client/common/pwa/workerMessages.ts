import { z } from 'zod';

/**
 * What the service worker tells the app's open windows. `stored`: a push brought these documents
 * into IndexedDB behind the app's back, to be read again. `open`: a notification was tapped while
 * this window was open; it should show `path` (same origin).
 */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dabba:stored'), docs: z.array(z.string().max(200)).max(20) }),
  z.object({ type: z.literal('dabba:open'), path: z.string().startsWith('/').max(500) }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;
