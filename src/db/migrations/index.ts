import type { Migration } from 'kysely';
import * as core from './0001-core.ts';
import * as disputeRules from './0002-dispute-rules.ts';

// Listed by hand, in order: a newcomer sees every migration here, and nothing is found by globbing.
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-dispute-rules': disputeRules,
};
