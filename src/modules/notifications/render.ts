import { AppError } from '../../shared/errors.ts';
import { TEMPLATE_VARIABLES } from './kinds.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const SECTION = /\{\{#([\w.]+)\}\}([\s\S]*?)\{\{\/\1\}\}/g;
const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * Fills a template. `html` bodies escape every value (customer names and carrier texts are not
 * trusted); subjects are plain text, kept on one line.
 */
export function renderTemplate(template: string, values: Record<string, string | null | undefined>, mode: 'html' | 'text'): string {
  const value = (name: string) => values[name] ?? '';
  const filled = template
    .replace(SECTION, (_all, name: string, inner: string) => (value(name) ? inner : ''))
    .replace(VARIABLE, (_all, name: string) => (mode === 'html' ? escapeHtml(value(name)) : value(name)));
  return mode === 'text' ? filled.replace(/[\r\n]+/g, ' ').trim() : filled;
}

/** Refuses a template that names a variable Recoup does not know, so a typo never reaches a customer. */
export function checkTemplate(field: string, template: string): void {
  const known = new Set<string>(TEMPLATE_VARIABLES);
  const names = [...template.matchAll(/\{\{\s*[#/]?([\w.]+)\s*\}\}/g)].map((m) => m[1]!);
  const unknown = [...new Set(names.filter((n) => !known.has(n)))];
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${field} uses unknown variables ${unknown.map((n) => `{{${n}}}`).join(', ')}; known: ${TEMPLATE_VARIABLES.map((n) => `{{${n}}}`).join(', ')}.`);
  }
}

/** A readable plain-text part from the HTML body. */
export function htmlToText(html: string): string {
  return html
    .replace(/<a [^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g, '$2 ($1)')
    .replace(/<\/p>\s*/g, '\n\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .trim();
}
