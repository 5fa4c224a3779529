import { ApiError } from '../api.ts';

/** The API's own words for an error, or a plain retry hint for anything else. */
export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : 'That did not work. Please try again.';
}
