// Templates every workspace starts with; saving one under the same key replaces it.
export interface TemplateDefinition {
  key: string;
  channel: 'customer' | 'supplier';
  name: string;
  subject: string;
  body: string;
}

export const DEFAULT_TEMPLATES: TemplateDefinition[] = [
  {
    key: 'supplier_not_received',
    channel: 'supplier',
    name: 'Ask the supplier: parcel not received',
    subject: '',
    body: 'Hello {{supplier.name}},\n\nOrder {{supplier.orderId}} ({{parcel.trackingNumber}}) has shown "{{parcel.lastEvent}}" since {{parcel.lastEventDate}} and my customer has not received it. Can you check with the carrier and tell me when it will arrive, or refund it?\n\nThank you.',
  },
  {
    key: 'supplier_damaged',
    channel: 'supplier',
    name: 'Ask the supplier: item damaged or wrong',
    subject: '',
    body: 'Hello {{supplier.name}},\n\nFor order {{supplier.orderId}}, my customer received {{case.items}} and reports: {{case.description}} ({{case.reason}}). I have {{evidence.count}} photo(s): {{evidence.links}}\n\nPlease propose a refund or a replacement.',
  },
  {
    key: 'customer_request_photos',
    channel: 'customer',
    name: 'Ask the customer for photos',
    subject: 'About your order {{order.number}}',
    body: 'Hi {{customer.name}},\n\nSorry about the trouble with {{case.items}}. Could you send us a photo of the item and one of the box it came in? We will sort it out as soon as we have them.\n\n{{shop.name}}',
  },
  {
    key: 'customer_delay',
    channel: 'customer',
    name: 'Tell the customer about a delay',
    subject: 'Your order {{order.number}} is on its way',
    body: 'Hi {{customer.name}},\n\nYour parcel {{parcel.trackingNumber}} is taking longer than planned: the last update was "{{parcel.lastEvent}}" on {{parcel.lastEventDate}}. We are on it with the carrier. You can follow it here: {{trackingUrl}}\n\n{{shop.name}}',
  },
  {
    key: 'customer_refunded',
    channel: 'customer',
    name: 'Confirm a refund',
    subject: 'Your refund for order {{order.number}}',
    body: 'Hi {{customer.name}},\n\nWe have refunded you for {{case.items}}. It can take a few days to show on your statement. Sorry again for the trouble.\n\n{{shop.name}}',
  },
];
