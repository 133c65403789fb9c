import type { AliExpressShippingAddress } from '../../connectors/aliexpress/index.ts';
import { AppError } from '../../shared/errors.ts';

// Calling codes of the main dropshipping destinations; others must come with the request.
const CALLING_CODES: Record<string, string> = {
  US: '+1', CA: '+1', GB: '+44', IE: '+353', DE: '+49', FR: '+33', ES: '+34', IT: '+39', NL: '+31', BE: '+32', AT: '+43', CH: '+41',
  SE: '+46', NO: '+47', DK: '+45', FI: '+358', PL: '+48', PT: '+351', AU: '+61', NZ: '+64', BR: '+55', MX: '+52', IL: '+972',
};

export interface AddressOverride {
  name?: string; line1?: string; line2?: string | null; city?: string; region?: string; postalCode?: string; country?: string;
  phone?: string; phoneCountryCode?: string; cpf?: string | null;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * The AliExpress address of a store order: its stored shipping address (Recoup's ExternalAddress
 * words), the customer's phone, and anything the request overrides. Names every missing field.
 */
export function aliExpressAddressFor(orderNumber: string, stored: Record<string, unknown> | null, customerPhone: string | null, override: AddressOverride = {}): AliExpressShippingAddress {
  const s = stored ?? {};
  const country = (override.country ?? text(s.country) ?? '').toUpperCase();
  const address = {
    name: override.name ?? text(s.name),
    line1: override.line1 ?? text(s.line1),
    line2: override.line2 ?? text(s.line2) ?? null,
    city: override.city ?? text(s.city),
    region: override.region ?? text(s.region),
    postalCode: override.postalCode ?? text(s.postalCode),
    country,
    phone: (override.phone ?? text(s.phone) ?? customerPhone ?? '').replace(/\D/g, ''),
    phoneCountryCode: override.phoneCountryCode ?? text(s.phoneCountryCode) ?? CALLING_CODES[country] ?? '',
    cpf: override.cpf ?? text(s.cpf) ?? null,
  };
  const missing = (['name', 'line1', 'city', 'region', 'postalCode', 'country', 'phone', 'phoneCountryCode'] as const).filter((k) => !address[k]);
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Order ${orderNumber}'s shipping address lacks ${missing.join(', ')}; AliExpress needs them. Fix the address in the store, or send them as "address" with this request.`);
  }
  return address as AliExpressShippingAddress;
}
