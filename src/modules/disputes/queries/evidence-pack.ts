import archiver from 'archiver';
import PDFDocument from 'pdfkit';
import type { AppContext } from '../../../context.ts';
import { formatMoney } from '../../../shared/money.ts';
import { getCase, listMessages } from '../../cases/index.ts';
import { listEvidence, readEvidenceFile } from '../../evidence/index.ts';
import { getOrder } from '../../orders/index.ts';
import { listParcels } from '../../parcels/index.ts';
import { getSupplierOrder } from '../../suppliers/index.ts';
import { getDispute } from '../disputes.repository.ts';

// The evidence pack staff attach to the AliExpress dispute: one PDF that tells the story (order,
// supplier order, tracking timeline, customer photos, messages) and a ZIP of the original files.

async function gather(ctx: Pick<AppContext, 'db'>, workspaceId: string, disputeId: string) {
  const dispute = await getDispute(ctx.db, workspaceId, disputeId);
  const kase = await getCase(ctx.db, workspaceId, dispute.caseId);
  const [order, supplierOrder, parcels, messages, evidence] = await Promise.all([
    getOrder(ctx.db, workspaceId, kase.orderId),
    getSupplierOrder(ctx.db, workspaceId, dispute.supplierOrderId),
    listParcels(ctx.db, { workspaceId, orderId: kase.orderId, withEvents: true }),
    listMessages(ctx.db, kase.id),
    listEvidence(ctx.db, kase.id),
  ]);
  return { dispute, kase, order, supplierOrder, parcels: parcels.filter((p) => !p.supplierOrderId || p.supplierOrderId === supplierOrder.id), messages, evidence };
}

const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

export async function evidencePackPdf(ctx: Pick<AppContext, 'db'>, workspaceId: string, disputeId: string): Promise<Buffer> {
  const data = await gather(ctx, workspaceId, disputeId);
  const { dispute, kase, order, supplierOrder } = data;
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Dispute evidence — order ${supplierOrder.externalId ?? supplierOrder.id}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#111').text(text).moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#222');
  doc.font('Helvetica-Bold').fontSize(18).text('Dispute evidence');
  doc.font('Helvetica').fontSize(10).fillColor('#555').text(`Supplier order ${supplierOrder.externalId ?? supplierOrder.id} · ${supplierOrder.supplier.name}`);

  heading('Claim');
  doc.text(`Reason: ${dispute.platformReason}`);
  doc.text(`Request: ${dispute.request === 'refund_only' ? 'Refund only' : 'Return and refund'}`);
  doc.text(`Amount claimed: ${formatMoney({ amountMinor: dispute.amountMinor, currency: dispute.currency })} of ${formatMoney({ amountMinor: supplierOrder.paidMinor, currency: supplierOrder.currency })} paid`);
  doc.text(`Customer's report (${day(kase.createdAt)}): ${kase.description || kase.reason.replaceAll('_', ' ')}`);

  heading('Order');
  doc.text(`Paid ${day(supplierOrder.paidAt)} · shipped ${day(supplierOrder.shippedAt)} · method ${supplierOrder.shippingMethod ?? '—'}`);
  doc.text(`Destination: ${order.shippingCountry ?? '—'}`);
  for (const line of order.lines) {
    const claimed = kase.lines.find((l) => l.orderLineId === line.id);
    doc.text(`• ${line.quantity} × ${line.title}${line.sku ? ` (${line.sku})` : ''}${claimed ? ` — affected: ${claimed.quantity}` : ''}`);
  }

  heading('Tracking timeline');
  if (data.parcels.length === 0) doc.text('No tracking number was ever provided by the seller.');
  for (const parcel of data.parcels) {
    doc.font('Helvetica-Bold').text(`${parcel.trackingNumber}${parcel.carrier ? ` (${parcel.carrier})` : ''}: ${parcel.status.replaceAll('_', ' ')}`).font('Helvetica');
    for (const event of parcel.events ?? []) doc.text(`${day(event.occurredAt)}  ${event.description}${event.location ? ` — ${event.location}` : ''}`, { indent: 12 });
  }

  const conversation = data.messages.filter((m) => m.channel === 'supplier');
  heading('Messages with the seller');
  if (conversation.length === 0) doc.text('None.');
  for (const m of conversation) doc.text(`${day(m.createdAt)} ${m.direction === 'outbound' ? 'Buyer' : 'Seller'}: ${m.body}`);

  const photos = data.evidence.filter((e) => e.kind === 'photo');
  if (photos.length) {
    heading('Photos from the customer');
    for (const photo of photos) {
      const file = await readEvidenceFile(ctx.db, workspaceId, photo.id);
      if (doc.y > 560) doc.addPage();
      doc.image(file.bytes, { fit: [240, 240] }).moveDown(0.3);
      doc.fontSize(8).fillColor('#555').text(`${photo.filename ?? photo.id} · ${day(photo.createdAt)}`).fontSize(10).fillColor('#222');
    }
  }
  doc.end();
  return done;
}

export async function evidencePackZip(ctx: Pick<AppContext, 'db'>, workspaceId: string, disputeId: string): Promise<Buffer> {
  const data = await gather(ctx, workspaceId, disputeId);
  const zip = archiver('zip', { zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.on('end', () => resolve(Buffer.concat(chunks)));
    zip.on('error', reject);
  });
  zip.append(await evidencePackPdf(ctx, workspaceId, disputeId), { name: 'evidence.pdf' });
  for (const [index, item] of data.evidence.entries()) {
    const file = await readEvidenceFile(ctx.db, workspaceId, item.id);
    const extension = file.mime === 'application/pdf' ? 'pdf' : file.mime === 'image/png' ? 'png' : 'jpg';
    zip.append(file.bytes, { name: `files/${String(index + 1).padStart(2, '0')}-${(item.filename ?? item.id).replace(/\.[a-z0-9]+$/i, '')}.${extension}` });
  }
  zip.append(JSON.stringify({ dispute: data.dispute, supplierOrder: data.supplierOrder, parcels: data.parcels, messages: data.messages }, null, 2), { name: 'data.json' });
  await zip.finalize();
  return done;
}
