import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/db/embedded.ts';

// One PostgreSQL server for the whole run: the machine's server when DATABASE_URL is set,
// otherwise an embedded one in a temporary data dir. Each test file makes its own database.

let server: EmbeddedServer | null = null;
let dataDir: string | null = null;

export async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'recoup-test-pg-'));
    server = await startEmbeddedPostgres(dataDir);
    adminUrl = server.adminUrl;
  }
  project.provide('adminDatabaseUrl', adminUrl);
}

export async function teardown() {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
