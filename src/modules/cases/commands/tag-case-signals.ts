import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { DAY_MS } from '../../../shared/clock.ts';
import { appendTimeline } from '../../timeline/index.ts';

// Abuse signals, computed once when a case opens (job `case.opened`) and kept as tags with the
// reason on the timeline, so staff see why a claim deserves a closer look.
const REPEAT_CLAIMS = 2;
const SOON_AFTER_DELIVERY_DAYS = 2;

export async function tagCaseSignals(db: Database, caseId: string): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    const kase = await tx.selectFrom('cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst();
    if (!kase || kase.tags.includes('signals-checked')) return []; // the job may run twice
    const tags: string[] = [];
    const reasons: string[] = [];
    if (kase.customer_id) {
      const earlier = await tx
        .selectFrom('cases')
        .select([sql<number>`count(*)::int`.as('all'), sql<number>`(count(*) filter (where reason = 'delivered_not_received'))::int`.as('dnr')])
        .where('customer_id', '=', kase.customer_id)
        .where('id', '!=', caseId)
        .executeTakeFirstOrThrow();
      if (earlier.all >= REPEAT_CLAIMS) {
        tags.push('repeat-claimant');
        reasons.push(`the customer has ${earlier.all} earlier claims`);
      }
      if (kase.reason === 'delivered_not_received' && earlier.dnr >= 1) {
        tags.push('repeat-dnr');
        reasons.push(`the customer already claimed delivered-but-not-received ${earlier.dnr} time(s)`);
      }
    }
    if (kase.reason === 'delivered_not_received') {
      const parcel = await tx.selectFrom('parcels').select(['delivered_at']).where('order_id', '=', kase.order_id).where('delivered_at', 'is not', null).orderBy('delivered_at', 'desc').executeTakeFirst();
      if (parcel?.delivered_at && kase.created_at.getTime() - parcel.delivered_at.getTime() < SOON_AFTER_DELIVERY_DAYS * DAY_MS) {
        tags.push('claim-soon-after-delivery');
        reasons.push(`the claim came less than ${SOON_AFTER_DELIVERY_DAYS} days after the carrier marked it delivered`);
      }
    }
    await tx.updateTable('cases').set({ tags: [...new Set([...kase.tags, ...tags, 'signals-checked'])] }).where('id', '=', caseId).execute();
    if (tags.length) {
      await appendTimeline(tx, {
        workspaceId: kase.workspace_id,
        orderId: kase.order_id,
        caseId,
        subjectType: 'case',
        subjectId: caseId,
        kind: 'case.signals',
        actor: 'system',
        visibility: 'internal',
        summary: `Tagged ${tags.join(', ')} because ${reasons.join(' and ')}`,
        data: { tags },
      });
    }
    return tags;
  });
}
