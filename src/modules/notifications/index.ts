// Notifications: proactive customer email about their parcel (shipped, delayed, out for delivery,
// delivered, problem) from editable templates, logged one row per message so none is sent twice,
// with an opt-out every send honours.
export { DEFAULT_TEMPLATES, NOTIFICATION_KINDS, TEMPLATE_VARIABLES, isNotificationKind } from './kinds.ts';
export type { NotificationKind } from './kinds.ts';
export { queueNotifications } from './commands/queue-notifications.ts';
export type { NotificationRequest } from './commands/queue-notifications.ts';
export { sendPendingNotifications } from './commands/send-pending.ts';
export { saveNotificationTemplate } from './commands/save-template.ts';
export { unsubscribe } from './commands/unsubscribe.ts';
export { listNotificationTemplates } from './queries/templates.ts';
export type { NotificationTemplate } from './queries/templates.ts';
export { listNotifications } from './queries/list-notifications.ts';
export type { NotificationRecord } from './queries/list-notifications.ts';
export { createMailer } from './mailer.ts';
export type { Mailer, OutgoingMail } from './mailer.ts';
export { escapeHtml, renderTemplate } from './render.ts';
export { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.ts';
