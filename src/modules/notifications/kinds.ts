// What Recoup tells a customer about their parcel, and the words it uses until staff edit them.
// Bodies are HTML; every {{variable}} is HTML-escaped when rendered. {{#x}}…{{/x}} shows its
// content only when x has a value (e.g. the new estimate of a delayed parcel).

export const NOTIFICATION_KINDS = ['shipped', 'delayed', 'out_for_delivery', 'delivered', 'problem'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const TEMPLATE_VARIABLES = [
  'order.number',
  'customer.name',
  'shop.name',
  'parcel.trackingNumber',
  'parcel.carrier',
  'parcel.status',
  'parcel.estimatedDelivery',
  'trackingUrl',
  'unsubscribeUrl',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const footer = `<p style="color:#666;font-size:12px">You get these emails because you ordered from {{shop.name}}. <a href="{{unsubscribeUrl}}">Stop parcel emails</a>.</p>`;
const track = `<p><a href="{{trackingUrl}}">Follow your parcel</a> (tracking number {{parcel.trackingNumber}}).</p>`;

export const DEFAULT_TEMPLATES: Record<NotificationKind, { subject: string; body: string }> = {
  shipped: {
    subject: 'Your order {{order.number}} is on its way',
    body: `<p>Hi {{customer.name}},</p><p>Good news: your order {{order.number}} has shipped.</p>${track}${footer}`,
  },
  delayed: {
    subject: 'Your order {{order.number}} is running late',
    body: `<p>Hi {{customer.name}},</p><p>Your parcel for order {{order.number}} is taking longer than we promised. We are watching it and will write again when it moves.</p>{{#parcel.estimatedDelivery}}<p>New estimated delivery: {{parcel.estimatedDelivery}}.</p>{{/parcel.estimatedDelivery}}${track}${footer}`,
  },
  out_for_delivery: {
    subject: 'Your order {{order.number}} is out for delivery',
    body: `<p>Hi {{customer.name}},</p><p>Your parcel for order {{order.number}} is out for delivery today.</p>${track}${footer}`,
  },
  delivered: {
    subject: 'Your order {{order.number}} was delivered',
    body: `<p>Hi {{customer.name}},</p><p>Your parcel for order {{order.number}} was delivered. If anything is wrong with it, just reply to this email.</p>${track}${footer}`,
  },
  problem: {
    subject: 'A problem with the delivery of order {{order.number}}',
    body: `<p>Hi {{customer.name}},</p><p>The carrier reports a problem with your parcel for order {{order.number}}: {{parcel.status}}. We are on it and will get back to you; you do not need to do anything yet.</p>${track}${footer}`,
  },
};

export const isNotificationKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);
