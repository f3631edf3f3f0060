import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveJwtSecret } from '../../../../sync-server/auth/tokens';

const dataDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'dabba-secret-'));

describe('resolveJwtSecret', () => {
  it('generates a secret on first start, keeps it in DATA_DIR and reads the same one again', () => {
    const dir = dataDir();
    const first = resolveJwtSecret(null, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(path.join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(resolveJwtSecret(null, dir)).toBe(first);
  });

  it('prefers JWT_SECRET from the environment over the kept file', () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'jwt-secret'), '');
    expect(resolveJwtSecret('x'.repeat(40), dir)).toBe('x'.repeat(40));
  });

  it('refuses an empty kept secret, naming the file', () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'jwt-secret'), ' \n');
    expect(() => resolveJwtSecret(null, dir)).toThrow(`${path.join(dir, 'jwt-secret')}: the JWT secret kept there is empty; it must be at least 32 characters`);
  });

  it('refuses a short kept secret rather than signing with it', () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'jwt-secret'), 'secret');
    expect(() => resolveJwtSecret(null, dir)).toThrow(/jwt-secret: the JWT secret kept there is 6 characters long; it must be at least 32/);
  });
});
