import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliExpressSignBase, signAliExpressRequest } from './sign.ts';
import { ALIEXPRESS_ORDER_STATUS_TABLE, SUPPLIER_ORDER_STATUSES, mapAliExpressOrderStatus, mapAliExpressPushStatus, mapAliExpressTrackingNode } from './statuses.ts';
import { parseAliExpressPush, verifyAliExpressPush } from './push.ts';
import { parseFreight, parseOrder, parseTracking } from './parse.ts';
import { parseAliExpressJson } from './json.ts';

// An independent signer: string concatenation written out by hand, HMAC from node:crypto.
const referenceSign = (text: string, secret: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex').toUpperCase();

describe('AliExpress request signature', () => {
  const params = {
    method: 'aliexpress.trade.ds.order.get', app_key: '12345678', session: '50000test-token', timestamp: '1717171717000',
    sign_method: 'sha256', format: 'json', v: '2.0', single_order_query: '{"order_id":"8100000000000001"}',
  };

  it('concatenates sorted name+value pairs with no path prefix for /sync', () => {
    const byHand = 'app_key12345678formatjsonmethodaliexpress.trade.ds.order.getsession50000test-tokensign_methodsha256'
      + 'single_order_query{"order_id":"8100000000000001"}timestamp1717171717000v2.0';
    expect(aliExpressSignBase(params)).toBe(byHand);
    expect(signAliExpressRequest(params, 'helloworld')).toBe(referenceSign(byHand, 'helloworld'));
    expect(signAliExpressRequest(params, 'helloworld')).toBe('BEE9E908B5696A354C4291D2E29D0504122878DE398084B2188C2AC11CAA08E1');
  });

  it('puts the API path in front for /rest calls and ignores an existing sign', () => {
    const rest = { app_key: '12345678', code: '3_12345678_abc', timestamp: '1717171717000', sign_method: 'sha256', sign: 'OLD' };
    const byHand = '/auth/token/createapp_key12345678code3_12345678_abcsign_methodsha256timestamp1717171717000';
    expect(signAliExpressRequest(rest, 'helloworld', '/auth/token/create')).toBe(referenceSign(byHand, 'helloworld'));
    expect(signAliExpressRequest(rest, 'helloworld', '/auth/token/create')).toBe('F7F2AB7DF5D47CBA0060FCDE7814F240B8FA991CC1F1DA12E53197AD29FFA736');
  });

  it('does not depend on the order parameters were given in', () => {
    fc.assert(fc.property(fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), fc.string()), fc.string({ minLength: 1 }), (dict, secret) => {
      const reversed = Object.fromEntries(Object.entries(dict).reverse());
      expect(signAliExpressRequest(reversed, secret)).toBe(signAliExpressRequest(dict, secret));
    }));
  });
});

describe('AliExpress status mapping', () => {
  it('maps every official status to one of Recoup supplier-order statuses', () => {
    for (const status of Object.values(ALIEXPRESS_ORDER_STATUS_TABLE)) expect(SUPPLIER_ORDER_STATUSES).toContain(status);
    expect(mapAliExpressOrderStatus('PLACE_ORDER_SUCCESS')).toBe('awaiting_payment');
    expect(mapAliExpressOrderStatus('WAIT_SELLER_SEND_GOODS')).toBe('paid');
    expect(mapAliExpressOrderStatus('SELLER_PART_SEND_GOODS')).toBe('partly_shipped');
    expect(mapAliExpressOrderStatus('WAIT_BUYER_ACCEPT_GOODS')).toBe('shipped');
    expect(mapAliExpressOrderStatus('IN_ISSUE')).toBe('in_dispute');
    expect(mapAliExpressOrderStatus('IN_FROZEN')).toBe('frozen');
    expect(mapAliExpressOrderStatus('SOMETHING_NEW')).toBeNull();
  });

  it('reads FINISH as delivered after receipt, and as cancelled when every line ended or nothing shipped', () => {
    expect(mapAliExpressOrderStatus('FINISH', { logisticsStatus: 'BUYER_ACCEPT_GOODS', endReasons: [null] })).toBe('delivered');
    expect(mapAliExpressOrderStatus('FINISH', { logisticsStatus: 'BUYER_ACCEPT_GOODS', endReasons: ['CANCELED', 'buyer_cancel_order'] })).toBe('cancelled');
    expect(mapAliExpressOrderStatus('FINISH', { logisticsStatus: 'NO_LOGISTICS' })).toBe('cancelled');
    expect(mapAliExpressOrderStatus('FINISH', { logisticsStatus: 'SELLER_SEND_GOODS', endReasons: ['CANCELED', null] })).toBe('delivered');
  });

  it('maps push events', () => {
    expect(mapAliExpressPushStatus('OrderShipped')).toBe('shipped');
    expect(mapAliExpressPushStatus('OrderClosed')).toBe('cancelled');
    expect(mapAliExpressPushStatus('Other')).toBeNull();
  });
});

describe('AliExpress payload parsing', () => {
  it('keeps ids beyond 2^53 exact', () => {
    expect(parseAliExpressJson('{"a":{"number":[9123456789012345678, 12]}}')).toEqual({ a: { number: ['9123456789012345678', 12] } });
    expect(parseAliExpressJson('{"msg":"x:1234567890123456,"}')).toEqual({ msg: 'x:1234567890123456,' });
  });

  it('reads wrapped (non-simplified) lists, GMT+8 times and decimal money', () => {
    const order = parseOrder('81', {
      gmt_create: '2025-03-01 08:00:00', order_status: 'WAIT_SELLER_SEND_GOODS', logistics_status: 'WAIT_SELLER_SEND_GOODS',
      order_paidtime_string: '2025-03-01 09:00:00', order_amount: { amount: '12.34', currency_code: 'USD' },
      child_order_list: { ae_child_order_info: [{ product_id: 1005, sku_id: '12', product_count: 2, product_price: { amount: '5.00' }, shipping_fee: { amount: '2.34' } }] },
      logistics_info_list: { ae_order_logistics_info: [] },
      store_info: { store_id: 1100001, store_name: 'S' },
    });
    expect(order).toMatchObject({ status: 'paid', paidMinor: 1234, createdAt: '2025-03-01T00:00:00.000Z', paidAt: '2025-03-01T01:00:00.000Z', store: { id: '1100001' } });
    expect(order.lines).toEqual([{ productId: '1005', skuId: '12', title: null, quantity: 2, unitPriceMinor: 500, shippingMinor: 234, endReason: null }]);
  });

  it('treats TRACKING DATA NOT FOUND as no tracking yet, and a 505 freight answer as not available', () => {
    expect(parseTracking('1', { ret: false, code: '1001', msg: 'TRACKING DATA NOT FOUND' })).toMatchObject({ found: false, parcels: [] });
    expect(parseFreight({ success: false, code: 505, msg: 'DELIVERY_NOT_AVAILABLE_TO_YOUR_ADDRESS' })).toEqual({ available: false, reason: 'DELIVERY_NOT_AVAILABLE_TO_YOUR_ADDRESS', options: [] });
  });
});

describe('AliExpress status push', () => {
  const body = '{"data":{"buyerId":2000000001,"orderId":8100000000000123,"orderStatus":"OrderShipped"},"message_type":53,"seller_id":"220001001","site":"ae_global","timestamp":1717171717}';
  const signature = createHmac('sha256', 'secret').update(`12345678${body}`).digest('hex');

  it('is accepted only with the app key and secret it was signed with', () => {
    expect(verifyAliExpressPush(body, { Authorization: signature }, 'secret', '12345678')).toBe(true);
    expect(verifyAliExpressPush(Buffer.from(body), new Headers({ authorization: signature.toUpperCase() }), 'secret', '12345678')).toBe(true);
    expect(verifyAliExpressPush(body, { authorization: signature }, 'other', '12345678')).toBe(false);
    expect(verifyAliExpressPush(`${body} `, { authorization: signature }, 'secret', '12345678')).toBe(false);
    expect(verifyAliExpressPush(body, {}, 'secret', '12345678')).toBe(false);
  });

  it('parses into the order id, event, mapped status and a dedupe key', () => {
    expect(parseAliExpressPush(body)).toEqual({
      orderId: '8100000000000123', buyerId: '2000000001', sellerId: '220001001', orderStatus: 'OrderShipped', status: 'shipped',
      messageType: 53, site: 'ae_global', sentAt: '2024-05-31T16:08:37.000Z', dedupeKey: 'aliexpress:8100000000000123:OrderShipped:1717171717',
    });
    expect(() => parseAliExpressPush('{"hello":1}')).toThrow(/DROPSHIPPER_ORDER_STATUS_UPDATE/);
  });
});

describe('AliExpress tracking nodes', () => {
  it('reads the free-text node names into parcel statuses', () => {
    expect(mapAliExpressTrackingNode('Package picked up', 'The carrier has picked up the package')).toBe('in_transit');
    expect(mapAliExpressTrackingNode('Delivered', 'Delivered to the recipient')).toBe('delivered');
    expect(mapAliExpressTrackingNode('Out for delivery')).toBe('out_for_delivery');
    expect(mapAliExpressTrackingNode('Customs', 'Held by customs for inspection')).toBe('customs_hold');
    expect(mapAliExpressTrackingNode('Order information received', 'Electronic information received')).toBe('info_received');
    expect(mapAliExpressTrackingNode('Returned to sender')).toBe('returned');
  });
});
