// AliExpress writes order, product and buyer ids as bare JSON integers that can pass 2^53.
// Quote every integer of 16+ digits before parsing so no id is silently rounded; if quoting
// happened to touch a string's content the text no longer parses and the plain parse is used.
const LONG_INTEGER = /([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g;

export function parseAliExpressJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(LONG_INTEGER, '$1"$2"'));
  } catch {
    return JSON.parse(text);
  }
}

/** Ids may arrive as numbers or strings; Recoup keeps them as strings. */
export const idString = (value: unknown): string => (typeof value === 'number' || typeof value === 'bigint' ? String(value) : typeof value === 'string' ? value : '');
