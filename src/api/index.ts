/**
 * api: the public, read-only Content API (/api/content/v1) and the keys that open it.
 * Other folders use only what this file exports.
 */
export {
  type ApiKey,
  type CreateApiKeyResult,
  createApiKey,
  type KeyCheck,
  listApiKeys,
  type RevokeApiKeyResult,
  revokeApiKey,
  verifyApiKey,
} from './api-keys.ts';
export { type ContentApiOptions, contentApiPlugin } from './content-api-plugin.ts';
export { ApiError, type ApiErrorBody } from './errors.ts';
