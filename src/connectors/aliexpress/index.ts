// AliExpress Open Platform (dropshipper) connector: signing, the order/tracking/freight/token
// client, status mapping and the DROPSHIPPER_ORDER_STATUS_UPDATE push.
export { signAliExpressRequest, aliExpressSignBase } from './sign.ts';
export { createAliExpressClient } from './client.ts';
export type { AliExpressClient, AliExpressClientOptions, AliExpressShippingAddress, AliExpressToken, PlaceOrderRequest } from './client.ts';
export { AliExpressError } from './errors.ts';
export type { AliExpressOrder, AliExpressOrderLine, AliExpressParcel, AliExpressTracking, FreightOption } from './parse.ts';
export { verifyAliExpressPush, parseAliExpressPush } from './push.ts';
export type { AliExpressOrderPush } from './push.ts';
export {
  ALIEXPRESS_ORDER_STATUS_TABLE, ALIEXPRESS_PUSH_STATUS_TABLE, SUPPLIER_ORDER_STATUSES, mapAliExpressOrderStatus, mapAliExpressPushStatus, mapAliExpressTrackingNode,
} from './statuses.ts';
export type { AliExpressOrderStatus, AliExpressSupplierStatus } from './statuses.ts';
