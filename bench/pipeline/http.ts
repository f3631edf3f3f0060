/** A signed-in account as the bench uses it. */
export interface Session {
  readonly token: string;
  readonly userId: string;
  readonly role: 'admin' | 'outlet' | 'driver';
}

/** Spreads HTTP requests over the nodes in turn, as a load balancer without affinity would. */
export class RoundRobin {
  private next = 0;
  constructor(readonly urls: readonly string[]) {
    if (urls.length === 0) throw new Error('no nodes');
  }
  pick(): string {
    const url = this.urls[this.next % this.urls.length];
    this.next += 1;
    if (url === undefined) throw new Error('no nodes');
    return url;
  }
  /** The node for the i-th long-lived device: devices are spread evenly and stay on their node. */
  at(i: number): string {
    const url = this.urls[i % this.urls.length];
    if (url === undefined) throw new Error('no nodes');
    return url;
  }
}

/** The bench trusts its own server's answers' shapes; a body that is not JSON (an error page) is null. */
function parseJson<T>(text: string): T | null {
  if (text === '') return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export async function postJson<T>(url: string, body: unknown, token?: string): Promise<{ status: number; body: T | null; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: parseJson<T>(text), text };
}

export async function login(baseUrl: string, email: string, password: string): Promise<Session> {
  const res = await postJson<{ token: string; user: { id: string; role: Session['role'] } }>(`${baseUrl}/api/auth/login`, {
    email,
    password,
  });
  if (res.status !== 200 || !res.body) throw new Error(`login as ${email} failed: ${res.status} ${res.text}`);
  return { token: res.body.token, userId: res.body.user.id, role: res.body.user.role };
}

/** Runs `job` for 0..count-1 with at most `concurrency` at once. */
export async function inParallel(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
