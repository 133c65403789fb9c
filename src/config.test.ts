import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('requires RECOUP_SECRET_KEY when DATABASE_URL is set, and says how to make one', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db' })).toThrow(/RECOUP_SECRET_KEY is required.*openssl rand -hex 32/s);
  });

  it('names the malformed variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', RECOUP_SECRET_KEY: 'a'.repeat(64) })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y', RECOUP_SECRET_KEY: 'short' })).toThrow(/RECOUP_SECRET_KEY: must be 64 hex/);
  });

  it('generates the secret key once in embedded mode and keeps it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recoup-config-'));
    const first = loadConfig({ RECOUP_DATA_DIR: dir });
    const second = loadConfig({ RECOUP_DATA_DIR: dir });
    expect(first.secretKey.equals(second.secretKey)).toBe(true);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toHaveLength(64);
    expect(first.databaseUrl).toBeNull();
  });
});
