/**
 * Forgotten passwords: ask for a link by email (POST /password-reset, the same answer for every
 * address), and the page the emailed link opens, /admin/reset-password?token=…, which sets the
 * new password (POST /password-reset/confirm).
 */
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../api.ts';

const failure = (err: unknown) =>
  err instanceof ApiError
    ? err.fields.length
      ? err.fields.map((f) => (f.field === 'token' ? f.message : `The password ${f.message}.`)).join(' ')
      : err.message
    : 'That did not work. Please try again.';

export function ForgotPassword() {
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      setSent(await api.requestPasswordReset(String(form.get('email'))));
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="forgot-title">
        <p className="wordmark">Dateline</p>
        <h1 id="forgot-title">Forgot your password?</h1>
        {sent ? (
          <p className="notice" role="status">
            {sent}
          </p>
        ) : (
          <p className="muted">We will email you a link to choose a new one.</p>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {sent ? null : (
          <>
            <label className="field">
              <span>Email</span>
              <input name="email" type="email" autoComplete="username" required />
            </label>
            <button className="button primary wide" type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Send me a link'}
            </button>
          </>
        )}
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </form>
    </main>
  );
}

export function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    if (password !== String(form.get('again'))) {
      setError('The two passwords are not the same.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setDone(await api.confirmPasswordReset(token, password));
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="reset-title">
        <p className="wordmark">Dateline</p>
        <h1 id="reset-title">Choose a new password</h1>
        {!token ? (
          <p className="form-error" role="alert">
            This link has no token. Ask for a new link.
          </p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {done ? (
          <p className="notice" role="status">
            {done}
          </p>
        ) : token ? (
          <>
            <label className="field">
              <span>New password</span>
              <input name="password" type="password" autoComplete="new-password" required />
            </label>
            <label className="field">
              <span>New password again</span>
              <input name="again" type="password" autoComplete="new-password" required />
            </label>
            <button className="button primary wide" type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Set the new password'}
            </button>
          </>
        ) : null}
        <p>
          {done ? <Link to="/sign-in">Sign in</Link> : <Link to="/forgot-password">Ask for a new link</Link>}
        </p>
      </form>
    </main>
  );
}
