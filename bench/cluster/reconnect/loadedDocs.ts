/** Documents a node holds in memory, from its /metrics (loopback needs no token). */
export async function documentsLoaded(url: string): Promise<number> {
  const res = await fetch(`${url}/metrics`);
  if (!res.ok) throw new Error(`GET ${url}/metrics: ${res.status}`);
  const value = /^dabba_documents_loaded (\d+)/m.exec(await res.text())?.[1];
  if (value === undefined) throw new Error(`${url}/metrics has no dabba_documents_loaded`);
  return Number(value);
}

/**
 * Waits until the nodes have unloaded what nobody holds: every count is 0, or has not changed for
 * `steadyMs` (documents the server keeps for itself), or `timeoutMs` passed. Returns the last counts.
 */
export async function waitUnloaded(urls: readonly string[], steadyMs = 3_000, timeoutMs = 60_000): Promise<number[]> {
  const deadline = performance.now() + timeoutMs;
  let last: number[] = [];
  let steadySince = performance.now();
  for (;;) {
    const counts = await Promise.all(urls.map(documentsLoaded));
    if (counts.some((n, i) => n !== last[i])) steadySince = performance.now();
    last = counts;
    const now = performance.now();
    if (counts.every((n) => n === 0) || now - steadySince >= steadyMs || now > deadline) return counts;
    await new Promise((r) => setTimeout(r, 250));
  }
}
