import { describe, expect, it } from 'vitest';
import {
  ScreenWakeLock,
  type PageVisibility,
  type WakeLockLike,
  type WakeLockSentinelLike,
} from '../../../../../../client/driver/model/wakeLock/screenWakeLock';

class FakeSentinel implements WakeLockSentinelLike {
  released = false;
  private readonly listeners: (() => void)[] = [];
  addEventListener(_type: 'release', listener: () => void): void {
    this.listeners.push(listener);
  }
  release(): Promise<void> {
    if (!this.released) {
      this.released = true;
      for (const listener of this.listeners) listener();
    }
    return Promise.resolve();
  }
}

class FakeWakeLock implements WakeLockLike {
  readonly granted: FakeSentinel[] = [];
  refuse = false;
  request(): Promise<WakeLockSentinelLike> {
    if (this.refuse) return Promise.reject(new DOMException('battery saver', 'NotAllowedError'));
    const sentinel = new FakeSentinel();
    this.granted.push(sentinel);
    return Promise.resolve(sentinel);
  }
}

class FakePage implements PageVisibility {
  visibilityState: DocumentVisibilityState = 'visible';
  private readonly listeners = new Set<() => void>();
  addEventListener(_type: 'visibilitychange', listener: () => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'visibilitychange', listener: () => void): void {
    this.listeners.delete(listener);
  }
  show(state: DocumentVisibilityState): void {
    this.visibilityState = state;
    for (const listener of this.listeners) listener();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the screen wake lock while on a job', () => {
  it('keeps the screen on while wanted and lets it go when the job ends', async () => {
    const api = new FakeWakeLock();
    const lock = new ScreenWakeLock(api, new FakePage());
    lock.setWanted(true);
    await settle();
    expect(lock.held).toBe(true);
    lock.setWanted(false);
    await settle();
    expect(lock.held).toBe(false);
    expect(api.granted.map((s) => s.released)).toEqual([true]);
  });

  it('asks again when the page comes back, since the browser drops the lock on hiding it', async () => {
    const api = new FakeWakeLock();
    const page = new FakePage();
    const lock = new ScreenWakeLock(api, page);
    lock.setWanted(true);
    await settle();
    page.show('hidden');
    await api.granted[0]?.release();
    expect(lock.held).toBe(false);
    page.show('visible');
    await settle();
    expect(lock.held).toBe(true);
    expect(api.granted).toHaveLength(2);
  });

  it('does not ask while the page is hidden, nor when not on a job', async () => {
    const api = new FakeWakeLock();
    const page = new FakePage();
    page.visibilityState = 'hidden';
    const lock = new ScreenWakeLock(api, page);
    lock.setWanted(true);
    await settle();
    expect(api.granted).toHaveLength(0);
    lock.setWanted(false);
    page.show('visible');
    await settle();
    expect(api.granted).toHaveLength(0);
  });

  it('lets go of a lock granted after the job already ended', async () => {
    const api = new FakeWakeLock();
    const lock = new ScreenWakeLock(api, new FakePage());
    lock.setWanted(true);
    lock.setWanted(false);
    await settle();
    expect(lock.held).toBe(false);
    expect(api.granted.every((s) => s.released)).toBe(true);
  });

  it('does nothing, and throws nothing, where the browser has no wake lock or refuses it', async () => {
    const none = new ScreenWakeLock(null, new FakePage());
    expect(() => none.setWanted(true)).not.toThrow();
    await settle();
    expect(none.held).toBe(false);
    const api = new FakeWakeLock();
    api.refuse = true;
    const refused = new ScreenWakeLock(api, new FakePage());
    refused.setWanted(true);
    await settle();
    expect(refused.held).toBe(false);
  });

  it('stops listening for the page once disposed', async () => {
    const api = new FakeWakeLock();
    const page = new FakePage();
    const lock = new ScreenWakeLock(api, page);
    lock.setWanted(true);
    await settle();
    lock.dispose();
    await settle();
    page.show('visible');
    await settle();
    expect(api.granted).toHaveLength(1);
    expect(lock.held).toBe(false);
  });
});
