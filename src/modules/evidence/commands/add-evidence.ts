import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole, requireShop } from '../../../shared/actor.ts';
import { sha256 } from '../../../shared/crypto.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { getCase } from '../../cases/index.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { cleanEvidenceFile } from '../inspect-file.ts';

export interface Evidence {
  id: string;
  caseId: string;
  kind: string;
  mime: string | null;
  size: number | null;
  contentHash: string | null;
  filename: string | null;
  note: string | null;
  uploadedBy: string;
  createdAt: string;
}

/**
 * Adds a photo or document to a case, cleaned first and stored by content hash: the same file
 * uploaded twice is stored once, and stored files never change.
 */
export async function addEvidence(
  ctx: Pick<AppContext, 'db' | 'clock' | 'jobs'>,
  actor: Actor,
  input: { caseId: string; file: Buffer; filename?: string | null; note?: string | null },
): Promise<Evidence> {
  if (actor.type !== 'customer') requireRole(actor, 'agent');
  const kase = await getCase(ctx.db, actor.workspaceId, input.caseId);
  if (actor.type !== 'customer') requireShop(actor, kase.shopId);
  if (kase.closedAt) throw new AppError('INVALID_TRANSITION', 'This case is closed; evidence can no longer be added.');
  const clean = await cleanEvidenceFile(input.file);
  const hash = sha256(clean.bytes);
  const id = newId('evidence');
  const now = ctx.clock.now();
  const filename = input.filename?.replace(/[^\w.\- ]+/g, '_').slice(0, 120) ?? null;
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('files').values({ content_hash: hash, mime: clean.mime, size: clean.bytes.length, bytes: clean.bytes }).onConflict((oc) => oc.column('content_hash').doNothing()).execute();
    await tx
      .insertInto('evidence')
      .values({ id, case_id: kase.id, kind: clean.kind, content_hash: hash, filename, note: input.note ?? null, uploaded_by: actor.type === 'customer' ? 'customer' : actor.label, created_at: now })
      .execute();
    await appendTimeline(tx, {
      workspaceId: actor.workspaceId,
      orderId: kase.orderId,
      caseId: kase.id,
      subjectType: 'evidence',
      subjectId: id,
      kind: 'evidence.added',
      actor: actor.label,
      visibility: 'customer',
      summary: clean.kind === 'photo' ? 'Photo added' : 'Document added',
      data: { evidenceId: id, mime: clean.mime, size: clean.bytes.length },
      occurredAt: now,
    });
    await ctx.jobs.enqueue(tx, 'rules.run', { trigger: 'evidence.added', caseId: kase.id, eventKey: id });
  });
  return { id, caseId: kase.id, kind: clean.kind, mime: clean.mime, size: clean.bytes.length, contentHash: hash, filename, note: input.note ?? null, uploadedBy: actor.type === 'customer' ? 'customer' : actor.label, createdAt: now.toISOString() };
}

export async function listEvidence(db: AppContext['db'], caseId: string): Promise<Evidence[]> {
  const rows = await db
    .selectFrom('evidence')
    .leftJoin('files', 'files.content_hash', 'evidence.content_hash')
    .select(['evidence.id', 'evidence.case_id', 'evidence.kind', 'files.mime', 'files.size', 'evidence.content_hash', 'evidence.filename', 'evidence.note', 'evidence.uploaded_by', 'evidence.created_at'])
    .where('evidence.case_id', '=', caseId)
    .orderBy('evidence.created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, caseId: r.case_id, kind: r.kind, mime: r.mime, size: r.size, contentHash: r.content_hash, filename: r.filename, note: r.note, uploadedBy: r.uploaded_by, createdAt: r.created_at.toISOString() }));
}

/** The stored bytes of one piece of evidence, for the gallery and the dispute pack. */
export async function readEvidenceFile(db: AppContext['db'], workspaceId: string, evidenceId: string): Promise<{ bytes: Buffer; mime: string; filename: string | null }> {
  const row = await db
    .selectFrom('evidence')
    .innerJoin('cases', 'cases.id', 'evidence.case_id')
    .innerJoin('files', 'files.content_hash', 'evidence.content_hash')
    .select(['files.bytes', 'files.mime', 'evidence.filename'])
    .where('evidence.id', '=', evidenceId)
    .where('cases.workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Evidence ${evidenceId} was not found.`);
  return { bytes: row.bytes, mime: row.mime, filename: row.filename };
}
