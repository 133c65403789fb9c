// Local AliExpress Open Platform (dropshipper APIs) simulator: /sync gateway, OAuth token calls,
// order book with controllable statuses and tracking, and DROPSHIPPER_ORDER_STATUS_UPDATE pushes.
export { startAliExpressSandbox } from './server.ts';
export type { AliExpressSandbox, AliExpressSandboxOptions, Fault, FaultKind } from './server.ts';
export { defaultCatalogue } from './catalogue.ts';
export type { SimProduct, SimSeller, SimShippingMethod, SimSku } from './catalogue.ts';
export type { OrderStep, SimOrder, StepOptions } from './orders.ts';
export type { PushOptions, PushRecord } from './push.ts';
