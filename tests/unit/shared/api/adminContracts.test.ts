import { describe, expect, it } from 'vitest';
import { statsQuerySchema, STATS_MAX_DAYS } from '../../../../shared/api/adminStats';
import { newUserSchema, userPatchSchema } from '../../../../shared/api/adminUsers';
import { ordersCsvQuerySchema, ORDERS_CSV_MAX_DAYS } from '../../../../shared/api/adminOrdersCsv';

const DAY = 24 * 3_600_000;

describe('admin report ranges', () => {
  it('take epoch ms and ISO 8601 dates alike', () => {
    const q = statsQuerySchema.parse({ from: '2024-05-01', to: String(Date.parse('2024-05-02')) });
    expect(q.to - q.from).toBe(DAY);
  });

  it('refuse a range that ends before it starts, or is longer than allowed', () => {
    expect(statsQuerySchema.safeParse({ from: '2024-05-02', to: '2024-05-01' }).success).toBe(false);
    expect(statsQuerySchema.safeParse({ from: '0', to: String((STATS_MAX_DAYS + 1) * DAY) }).success).toBe(false);
    expect(ordersCsvQuerySchema.safeParse({ from: '0', to: String(ORDERS_CSV_MAX_DAYS * DAY) }).success).toBe(true);
    expect(ordersCsvQuerySchema.safeParse({ from: '0', to: String(ORDERS_CSV_MAX_DAYS * DAY + 1) }).success).toBe(false);
  });

  it('refuse a time zone the runtime does not know', () => {
    expect(statsQuerySchema.safeParse({ from: '2024-05-01', to: '2024-05-02', tz: 'Mars/Olympus' }).success).toBe(false);
    expect(statsQuerySchema.parse({ from: '2024-05-01', to: '2024-05-02', tz: 'Asia/Kolkata' }).tz).toBe('Asia/Kolkata');
  });
});

describe('new users', () => {
  it('need an outlet for outlet staff and a phone for drivers', () => {
    const base = { email: 'New@Dabba.local ', name: 'New', password: 'long enough' };
    expect(newUserSchema.safeParse({ ...base, role: 'outlet' }).success).toBe(false);
    expect(newUserSchema.safeParse({ ...base, role: 'driver' }).success).toBe(false);
    expect(newUserSchema.parse({ ...base, role: 'driver', phone: '+91 98450 11111' }).email).toBe('new@dabba.local');
  });

  it('refuse short passwords and fields of another role', () => {
    expect(newUserSchema.safeParse({ role: 'admin', email: 'a@b.co', name: 'A', password: 'short' }).success).toBe(false);
    expect(newUserSchema.safeParse({ role: 'admin', email: 'a@b.co', name: 'A', password: 'long enough', outletId: 'x' }).success).toBe(
      false,
    );
  });
});

describe('user changes', () => {
  it('must change something', () => {
    expect(userPatchSchema.safeParse({}).success).toBe(false);
    expect(userPatchSchema.parse({ disabled: false })).toEqual({ disabled: false });
  });
});
