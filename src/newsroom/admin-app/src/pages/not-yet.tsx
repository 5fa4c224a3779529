import { ApiError } from '../api.ts';

/** A 404 from an endpoint that arrives with other work: say so instead of showing an error. */
export function isMissingEndpoint(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 404 || error.status === 405) && error.code === 'NOT_FOUND'
  );
}

export function NotYet({ what }: { what: string }) {
  return (
    <div className="empty-state">
      <p>{what} is not available on this server yet.</p>
      <p className="muted">It arrives with the newsroom's backend work; this screen is ready for it.</p>
    </div>
  );
}

export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : 'That did not work. Please try again.';
}
