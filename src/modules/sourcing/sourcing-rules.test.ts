import { describe, expect, it } from 'vitest';
import type { CjDispute } from '../../connectors/cjdropshipping/index.ts';
import { cjOutcome } from './commands/follow-cj-disputes.ts';
import { pickShippingMethod, type ShippingPreset } from './queries/sourcing-settings.ts';
import { actionsTo, lifecycleTarget } from './supplier-order-links.ts';

const preset = (productId: string | null, country: string | null, shippingMethod: string): ShippingPreset => ({
  id: `ssp_${shippingMethod}`, productId, country, shippingMethod, updatedBy: 'test', updatedAt: '2026-01-01T00:00:00Z',
  scope: productId ? (country ? 'product_country' : 'product') : country ? 'country' : 'global',
});

describe('shipping presets', () => {
  const presets = [preset(null, null, 'GLOBAL'), preset(null, 'US', 'US_DEFAULT'), preset('111', null, 'PRODUCT_ANY'), preset('111', 'US', 'PRODUCT_US')];
  it('picks the most specific preset: product and country, product, country, then global', () => {
    expect(pickShippingMethod(presets, '111', 'US')).toBe('PRODUCT_US');
    expect(pickShippingMethod(presets, '111', 'DE')).toBe('PRODUCT_ANY');
    expect(pickShippingMethod(presets, '222', 'US')).toBe('US_DEFAULT');
    expect(pickShippingMethod(presets, '222', 'DE')).toBe('GLOBAL');
    expect(pickShippingMethod([], '222', 'DE')).toBeNull();
  });
});

describe('AliExpress status → supplier-order lifecycle', () => {
  it('reads FINISH as completed and IN_CANCEL as not yet cancelled', () => {
    expect(lifecycleTarget({ status: 'delivered', rawStatus: 'FINISH' })).toBe('completed');
    expect(lifecycleTarget({ status: 'delivered', rawStatus: 'FUND_PROCESSING' })).toBe('delivered');
    expect(lifecycleTarget({ status: 'partly_shipped', rawStatus: 'SELLER_PART_SEND_GOODS' })).toBe('shipped');
    expect(lifecycleTarget({ status: 'cancelled', rawStatus: 'IN_CANCEL' })).toBeNull();
    expect(lifecycleTarget({ status: 'in_dispute', rawStatus: 'IN_ISSUE' })).toBeNull();
    expect(lifecycleTarget({ status: 'awaiting_payment', rawStatus: 'PLACE_ORDER_SUCCESS' })).toBe('placed');
  });
  it('walks forward one state at a time and never backwards', () => {
    expect(actionsTo('placed', 'completed')).toEqual(['pay', 'ship', 'deliver', 'complete']);
    expect(actionsTo('paid', 'shipped')).toEqual(['ship']);
    expect(actionsTo('shipped', 'paid')).toEqual([]);
    expect(actionsTo('shipped', 'cancelled')).toEqual([]);
    expect(actionsTo('paid', 'cancelled')).toEqual(['cancel']);
    expect(actionsTo('completed', null)).toEqual([]);
  });
});

describe('CJ dispute outcome', () => {
  const cj = (over: Partial<CjDispute>): CjDispute => ({
    disputeId: 'D1', orderId: 'O1', orderNumber: null, businessDisputeId: 'dsp_1', status: 'open', rawStatus: 'PENDING', reasonId: 2, reason: null, expect: 'refund',
    refundTo: 'balance', currency: 'USD', requestedMinor: 1500, refundedMinor: 0, outcome: null, reissueOrderId: null, lines: [], replies: [], createdAt: null,
    updatedAt: '2026-03-05T00:00:00.000Z', raw: {}, ...over,
  });
  const mine = { status: 'opened' as const, amountMinor: 1500 };
  it('maps CJ’s decision to won, partly won, lost or cancelled', () => {
    expect(cjOutcome(mine, cj({ status: 'resolved', outcome: 'refund', refundedMinor: 1500 }))).toMatchObject({ type: 'won', recoveredMinor: 1500 });
    expect(cjOutcome(mine, cj({ status: 'resolved', outcome: 'refund', refundedMinor: 600 }))).toMatchObject({ type: 'partly_won', recoveredMinor: 600 });
    expect(cjOutcome(mine, cj({ status: 'resolved', outcome: 'reissue', reissueOrderId: 'CJR9' }))).toMatchObject({ type: 'won', recoveredMinor: 0, note: expect.stringContaining('CJR9') });
    expect(cjOutcome(mine, cj({ status: 'rejected', outcome: 'rejected' }))).toMatchObject({ type: 'lost' });
    expect(cjOutcome(mine, cj({ status: 'cancelled' }))).toMatchObject({ type: 'cancelled' });
  });
  it('says nothing new while CJ has not decided', () => {
    expect(cjOutcome(mine, cj({ status: 'open' }))).toBeNull();
    expect(cjOutcome(mine, cj({ status: 'under_review' }))).toMatchObject({ type: 'seller_responded' });
    expect(cjOutcome({ ...mine, status: 'seller_responded' as const }, cj({ status: 'under_review' }))).toBeNull();
  });
});
