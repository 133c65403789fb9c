// Templates: customer and supplier messages with variables from order, parcel, supplier, case
// and evidence; previews; sent messages kept on the case timeline.
export { caseVariables, listTemplates, previewTemplate, saveTemplate, sendTemplate } from './commands/templates.ts';
export { placeholders, renderTemplate, TEMPLATE_VARIABLES } from './render.ts';
export { DEFAULT_TEMPLATES } from './defaults.ts';
export type { TemplateDefinition } from './defaults.ts';
