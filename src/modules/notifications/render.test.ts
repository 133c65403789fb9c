import { describe, expect, it } from 'vitest';
import { checkTemplate, renderTemplate } from './render.ts';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.ts';

describe('notification templates', () => {
  it('escapes every value in HTML and keeps subjects on one line', () => {
    expect(renderTemplate('<p>Hi {{customer.name}}</p>', { 'customer.name': '<script>"x"&' }, 'html')).toBe('<p>Hi &lt;script&gt;&quot;x&quot;&amp;</p>');
    expect(renderTemplate('Order {{order.number}}', { 'order.number': '#1\r\nBcc: x' }, 'text')).toBe('Order #1 Bcc: x');
  });

  it('shows a section only when its value is known', () => {
    const template = 'Late.{{#parcel.estimatedDelivery}} New estimate {{parcel.estimatedDelivery}}.{{/parcel.estimatedDelivery}}';
    expect(renderTemplate(template, { 'parcel.estimatedDelivery': '2026-04-02' }, 'html')).toBe('Late. New estimate 2026-04-02.');
    expect(renderTemplate(template, {}, 'html')).toBe('Late.');
  });

  it('refuses unknown variables', () => {
    expect(() => checkTemplate('body', '{{order.numbr}}')).toThrow(/order\.numbr/);
    expect(() => checkTemplate('body', '{{#trackingUrl}}{{trackingUrl}}{{/trackingUrl}}')).not.toThrow();
  });
});

describe('unsubscribe tokens', () => {
  const key = Buffer.alloc(32, 7);
  it('name their address and cannot be forged for another', () => {
    const token = unsubscribeToken('wsp_1', 'Ana@Example.com', key);
    expect(readUnsubscribeToken(token, key)).toEqual({ workspaceId: 'wsp_1', email: 'ana@example.com' });
    const forged = `${Buffer.from('wsp_1:bob@example.com').toString('base64url')}.${token.split('.')[1]}`;
    expect(readUnsubscribeToken(forged, key)).toBeNull();
    expect(readUnsubscribeToken(token, Buffer.alloc(32, 8))).toBeNull();
  });
});
