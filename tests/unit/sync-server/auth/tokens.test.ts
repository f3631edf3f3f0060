import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../../shared/ids';
import { resolveJwtSecret, TokenService, type AccountStates } from '../../../../sync-server/auth/tokens';
import type { AccountState } from '../../../../sync-server/storage/users';

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
    expect(() => resolveJwtSecret(null, dir)).toThrow(
      `${path.join(dir, 'jwt-secret')}: the JWT secret kept there is empty; it must be at least 32 characters`,
    );
  });

  it('refuses a short kept secret rather than signing with it', () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'jwt-secret'), 'secret');
    expect(() => resolveJwtSecret(null, dir)).toThrow(/jwt-secret: the JWT secret kept there is 6 characters long; it must be at least 32/);
  });
});

describe('TokenService', () => {
  const SECRET = 'a-unit-test-secret-0123456789abcdefghij';
  const ravi = { id: 'ravi' as UserId, role: 'driver' } as const;
  const accounts = (state: AccountState | null): AccountStates => ({ accountState: () => Promise.resolve(state) });

  it('accepts a token issued before token versions existed as version 0, until the user’s version is raised', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const legacy = await sign({ sub: ravi.id, role: 'driver', iat, exp: iat + 3600 }, SECRET, 'HS256');
    expect(await new TokenService(SECRET, accounts({ disabled: false, tokenVersion: 0 })).verify(legacy)).toEqual(ravi);
    expect(await new TokenService(SECRET, accounts({ disabled: false, tokenVersion: 1 })).authenticate(legacy)).toMatchObject({
      ok: false,
      error: { code: 'session_revoked' },
    });
  });

  it('names why a well-signed token is refused: the user deleted, disabled, or the token revoked', async () => {
    const token = await new TokenService(SECRET, accounts(null)).issue(ravi, 3);
    const refusal = async (state: AccountState | null) => {
      const auth = await new TokenService(SECRET, accounts(state)).authenticate(token);
      return auth.ok ? null : auth.error.code;
    };
    expect(await refusal({ disabled: false, tokenVersion: 3 })).toBeNull();
    expect(await refusal(null)).toBe('account_deleted');
    expect(await refusal({ disabled: true, tokenVersion: 3 })).toBe('account_disabled');
    expect(await refusal({ disabled: false, tokenVersion: 4 })).toBe('session_revoked');
    expect(
      await new TokenService('another-secret-0123456789abcdefghijkl', accounts({ disabled: false, tokenVersion: 3 })).authenticate(token),
    ).toMatchObject({ ok: false, error: { code: 'invalid_token' } });
  });
});
