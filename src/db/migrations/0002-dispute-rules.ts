import { sql, type Kysely } from 'kysely';

// Version 1 of AliExpress's dispute-window rules, from shared research §2.7. The sources disagree,
// so the defaults are the cautious ones; operators edit them by adding a new version.
export const ALIEXPRESS_DEFAULT_RULES = {
  earliestOpenDaysAfterShip: 11,
  protectionDays: { default: 60, BR: 120, RU: 90 },
  completionGraceDays: 15,
  sellerResponseDays: 5,
  escalateFromDays: 4,
  autoEscalateDays: 16,
  returnShipDays: 10,
  refundExpectedBusinessDays: 20,
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into dispute_window_rules (id, platform, version, effective_from, rules, note, created_by)
    values ('dwr_aliexpress_v1', 'aliexpress', 1, '2020-01-01T00:00:00Z', ${JSON.stringify(ALIEXPRESS_DEFAULT_RULES)}::jsonb,
            'Defaults from research: earliest = ship + 11 days, latest = protection end (60 days; BR 120, RU 90).', 'system'),
           ('dwr_cjdropshipping_v1', 'cjdropshipping', 1, '2020-01-01T00:00:00Z', ${JSON.stringify(ALIEXPRESS_DEFAULT_RULES)}::jsonb,
            'CJ uses the same cautious defaults until a merchant sets its own.', 'system')
    on conflict do nothing
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from dispute_window_rules where id in ('dwr_aliexpress_v1','dwr_cjdropshipping_v1')`.execute(db);
}
