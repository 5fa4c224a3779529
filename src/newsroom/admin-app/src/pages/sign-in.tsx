import { type FormEvent, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { useSession } from '../session.tsx';

/** Only paths inside the admin: `next` comes from the URL and must not lead off-site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/articles';
}

export function SignIn() {
  const session = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (session.state.status === 'signed-in') return <Navigate to={next} replace />;
  const signedOut = params.get('signed-out') === '1';
  const expired =
    params.get('expired') === '1' || (session.state.status === 'signed-out' && session.state.expired);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await session.signIn(String(form.get('email')), String(form.get('password')));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Signing in failed. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <p className="wordmark">Dateline</p>
        <h1 id="sign-in-title">Sign in to the newsroom</h1>
        {expired ? (
          <p className="notice" role="status">
            Your session ended. Sign in again to go back to where you were; unsaved work is kept.
          </p>
        ) : null}
        {signedOut && !expired ? (
          <p className="notice" role="status">
            You are signed out.
          </p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label className="field">
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button className="button primary wide" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p>
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
      </form>
    </main>
  );
}
