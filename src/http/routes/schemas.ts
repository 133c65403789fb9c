import { z } from 'zod';

// Small shapes shared by several route files.
export const idParam = z.object({ id: z.string().min(3).max(80) });
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};
export const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const currency = z.string().regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO 4217 code like USD');
