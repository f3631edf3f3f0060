/**
 * Keeps the outbox and staff's edits from crossing. An entry's key is its idempotency key: if staff
 * replaced an entry (new key) while the old one was on its way to the server, the server would
 * place both. So an edit first stops new sends of the entry, then waits for any send in flight to
 * settle and be recorded; only then does it look at whether the old entry was placed.
 *
 * In memory: one device tab runs one outbox, and commands reach the same gate through the Device.
 */
export type Release = () => void;

/** Long enough for a slow answer, short enough that a Save button does not seem stuck. */
export const EDIT_WAIT_MS = 10_000;

export class OutboxGate {
  /** Sends in flight, by key: settled once their answer is recorded. */
  private readonly sending = new Map<string, Promise<void>>();
  /** Edits holding a key, counted: two Save taps may overlap. */
  private readonly held = new Map<string, number>();

  constructor(private readonly editWaitMs: number = EDIT_WAIT_MS) {}

  /** For the outbox: claims `key` for one send and its recording; null while an edit holds it. */
  claimSend(key: string): Release | null {
    if (this.held.has(key) || this.sending.has(key)) return null;
    let settle: () => void = () => undefined;
    this.sending.set(
      key,
      new Promise<void>((resolve) => {
        settle = resolve;
      }),
    );
    return () => {
      this.sending.delete(key);
      settle();
    };
  }

  /**
   * For an edit: no new send of `key` starts until the release, and a send in flight has settled
   * before this resolves. Null when that send is still out after the wait: the edit must not go on.
   */
  async holdForEdit(key: string): Promise<Release | null> {
    // Held before waiting, synchronously: the outbox must not start a fresh send in the meantime.
    this.held.set(key, (this.held.get(key) ?? 0) + 1);
    const release = (): void => {
      const count = (this.held.get(key) ?? 1) - 1;
      if (count > 0) this.held.set(key, count);
      else this.held.delete(key);
    };
    const inFlight = this.sending.get(key);
    if (!inFlight) return release;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settled = await Promise.race([
      inFlight.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), this.editWaitMs);
      }),
    ]);
    clearTimeout(timer);
    if (settled) return release;
    release();
    return null;
  }
}
