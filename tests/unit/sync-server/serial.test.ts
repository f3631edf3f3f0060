import { describe, expect, it } from 'vitest';
import { KeyedSerial } from '../../../sync-server/serial';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('KeyedSerial', () => {
  it('runs jobs of one key one after another in order, and jobs of other keys alongside', async () => {
    const serial = new KeyedSerial<string>();
    const log: string[] = [];
    const job = (name: string) => async () => {
      log.push(`${name}:start`);
      await tick();
      log.push(`${name}:end`);
    };
    await Promise.all([serial.run('a', job('a1')), serial.run('a', job('a2')), serial.run('b', job('b1'))]);
    expect(log.indexOf('a1:end')).toBeLessThan(log.indexOf('a2:start'));
    expect(log.indexOf('b1:start')).toBeLessThan(log.indexOf('a1:end'));
  });

  it('rejects only the failing job’s caller; the jobs behind it still run', async () => {
    const serial = new KeyedSerial<string>();
    const failed = serial.run('a', () => Promise.reject(new Error('boom')));
    const next = serial.run('a', () => Promise.resolve(42));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });

  it('is idle once every queued job has finished', async () => {
    const serial = new KeyedSerial<string>();
    let done = false;
    void serial.run('a', async () => {
      await tick();
      done = true;
    });
    await serial.idle();
    expect(done).toBe(true);
  });
});
