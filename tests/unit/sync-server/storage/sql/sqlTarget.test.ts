import { describe, expect, it } from 'vitest';
import { sqlTargetOf } from '../../../../../sync-server/storage/sql/open';

const config = { dataDir: '/srv/dabba', sqliteSync: 'full' } as const;

describe('where storage lives', () => {
  it('is the SQLite file in DATA_DIR, with its sync setting, when DATABASE_URL is absent or blank', () => {
    const sqlite = { dialect: 'sqlite', dataDir: '/srv/dabba', sync: 'full' };
    expect(sqlTargetOf(config, undefined)).toEqual(sqlite);
    expect(sqlTargetOf(config, '  ')).toEqual(sqlite);
  });

  it('is PostgreSQL when DATABASE_URL is a postgres:// or postgresql:// URL', () => {
    expect(sqlTargetOf(config, 'postgres://dabba@db:5432/dabba')).toEqual({ dialect: 'postgres', url: 'postgres://dabba@db:5432/dabba' });
    expect(sqlTargetOf(config, ' postgresql://db/dabba ')).toEqual({ dialect: 'postgres', url: 'postgresql://db/dabba' });
  });

  it('refuses any other DATABASE_URL rather than falling back to SQLite', () => {
    expect(() => sqlTargetOf(config, 'mysql://db/dabba')).toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });
});
