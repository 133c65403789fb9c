import type { Executor } from '../../../db/database.ts';
import type { LedgerKind } from '../../../db/schema.ts';
import { newId } from '../../../shared/ids.ts';
import { assertMinor } from '../../../shared/money.ts';

export interface LedgerEntryInput {
  workspaceId: string;
  shopId: string;
  orderId: string;
  caseId: string | null;
  supplierId: string | null;
  resolutionId?: string | null;
  disputeId?: string | null;
  kind: LedgerKind;
  currency: string;
  amountMinor: number;
  occurredAt: Date;
}

/**
 * Writes one money movement. The unique indexes on resolution and dispute make a second write for
 * the same resolution or dispute outcome fail: the ledger itself refuses to count money twice.
 */
export async function recordLedgerEntry(tx: Executor, input: LedgerEntryInput): Promise<string> {
  assertMinor(input.amountMinor, 'ledger amount');
  const id = newId('ledgerEntry');
  await tx
    .insertInto('ledger_entries')
    .values({
      id,
      workspace_id: input.workspaceId,
      shop_id: input.shopId,
      order_id: input.orderId,
      case_id: input.caseId,
      supplier_id: input.supplierId,
      resolution_id: input.resolutionId ?? null,
      dispute_id: input.disputeId ?? null,
      kind: input.kind,
      currency: input.currency,
      amount_minor: input.amountMinor,
      occurred_at: input.occurredAt,
    })
    .execute();
  return id;
}
