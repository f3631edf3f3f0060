import type { ChainableCommander } from 'ioredis';

/** Runs a pipeline and answers its results, throwing the first command error (ioredis reports them per command). */
export async function run(pipeline: ChainableCommander): Promise<unknown[]> {
  const replies = await pipeline.exec();
  if (!replies) throw new Error('the Redis pipeline was discarded');
  return replies.map(([err, result]) => {
    if (err) throw err;
    return result;
  });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
