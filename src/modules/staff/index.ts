// Staff: the workspace, users with roles, sessions and API tokens, and the audit log.
export { createUser } from './commands/create-user.ts';
export type { CreateUserInput } from './commands/create-user.ts';
export { signIn, signOut } from './commands/sign-in.ts';
export { createApiToken, revokeApiToken } from './commands/create-api-token.ts';
export { authenticateSession, authenticateToken } from './commands/authenticate.ts';
export { audit, ensureWorkspace } from './staff.repository.ts';
export type { StaffUser } from './staff.repository.ts';
export { getWorkspaceSettings, updateWorkspaceSettings, workspaceSettingsSchema } from './commands/workspace-settings.ts';
export type { WorkspaceSettings } from './commands/workspace-settings.ts';
export { listApiTokens, listUsers, updateUser } from './commands/manage-staff.ts';
