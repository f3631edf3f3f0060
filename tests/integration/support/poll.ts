/**
 * Reads until the answer passes `check`, and returns it; throws with `what` and the last answer when the
 * deadline passes. For state the server reaches on its own (sockets registered, entries expired).
 */
export async function pollUntil<T, S extends T>(
  read: () => Promise<T>,
  check: (value: T) => value is S,
  what: string,
  timeoutMs?: number,
): Promise<S>;
export async function pollUntil<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs?: number): Promise<T>;
export async function pollUntil<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
