import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// Environment, validated once at boot into a frozen object. A missing or malformed variable
// stops the boot with a message naming it. Secrets have no defaults.

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/recoup')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  RECOUP_DATA_DIR: z.string().min(1).default('./.recoup'),
  RECOUP_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes); generate one with `openssl rand -hex 32`')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Recoup <recoup@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  readonly databaseUrl: string | null;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly secretKey: Buffer;
  readonly publicUrl: string;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.RECOUP_DATA_DIR);
  let secretKey: Buffer;
  if (e.RECOUP_SECRET_KEY) secretKey = Buffer.from(e.RECOUP_SECRET_KEY, 'hex');
  else if (e.DATABASE_URL) {
    throw new ConfigError(
      'RECOUP_SECRET_KEY is required when DATABASE_URL is set (it encrypts platform credentials).\n' +
        '  Generate one with `openssl rand -hex 32` and keep it safe: without it stored credentials cannot be read.',
    );
  } else secretKey = embeddedSecretKey(dataDir);

  return Object.freeze({
    databaseUrl: e.DATABASE_URL ?? null,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    secretKey,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
  });
}

/** In embedded mode the key is generated once and kept in the data dir, readable by its owner only. */
function embeddedSecretKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(text)) throw new ConfigError(`${file} is corrupt: expected 64 hex characters.`);
    return Buffer.from(text, 'hex');
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
