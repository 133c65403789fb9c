import type { Migration } from 'kysely';
import * as core from './0001-core.ts';
import * as disputeRules from './0002-dispute-rules.ts';
import * as webhooks from './0003-webhooks.ts';
import * as tracking from './0004-tracking.ts';
import * as storeSync from './0005-store-sync.ts';
import * as disputeDesk from './0006-dispute-desk.ts';
import * as templatesRulesBulk from './0007-templates-rules-bulk.ts';
import * as sourcing from './0008-sourcing.ts';

// Listed by hand, in order: a newcomer sees every migration here, and nothing is found by globbing.
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-dispute-rules': disputeRules,
  '0003-webhooks': webhooks,
  '0004-tracking': tracking,
  '0005-store-sync': storeSync,
  '0006-dispute-desk': disputeDesk,
  '0007-templates-rules-bulk': templatesRulesBulk,
  '0008-sourcing': sourcing,
};
