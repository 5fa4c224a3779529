/**
 * The newsletter's Editions screen for the brand chosen in the top bar: its send settings, a
 * form to assemble a day's edition, and the list of editions with their status and counts.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api.ts';
import { Field } from '../components.tsx';
import { newsletterApi } from '../newsletter-api.ts';
import { useSignedIn } from '../session.tsx';
import { useLoad } from '../use-api.ts';
import { count, EditionBadge, formatDay, NewsletterTabs, todayIn } from './newsletter-shared.tsx';
import { errorText } from './not-yet.tsx';

export function NewsletterEditions() {
  const { site, siteId } = useSignedIn();
  return (
    <section className="page newsletter">
      <header className="page-header">
        <div>
          <h1>Newsletter</h1>
          <p className="muted">
            {site
              ? `${site.name}'s Daily Newsletter · times in ${site.timeZone}`
              : 'Choose a brand in the top bar.'}
          </p>
        </div>
      </header>
      <NewsletterTabs />
      {site && siteId ? (
        <>
          <div className="newsletter-tools">
            <AssembleForm key={`assemble-${siteId}`} siteId={siteId} timeZone={site.timeZone} />
            <SettingsForm key={`settings-${siteId}`} siteId={siteId} timeZone={site.timeZone} />
          </div>
          <EditionList key={`list-${siteId}`} siteId={siteId} locale={site.locale} />
        </>
      ) : null}
    </section>
  );
}

function AssembleForm({ siteId, timeZone }: { siteId: number; timeZone: string }) {
  const navigate = useNavigate();
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const edition = await newsletterApi.assemble(siteId, date || undefined);
      navigate(`/newsletter/editions/${edition.id}`);
    } catch (err) {
      setError(
        err instanceof ApiError && err.fields.length
          ? err.fields.map((f) => `The ${f.field} ${f.message}.`).join(' ')
          : errorText(err),
      );
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h2>New edition</h2>
      <p className="hint">
        Assembles the day's top stories (the home page's order first, then the newest). Opening a day that has
        an edition already shows it.
      </p>
      <div className="row align-end">
        <Field id="edition-date" label="Day" error={error} className="flex-1">
          <input
            id="edition-date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-describedby={error ? 'edition-date-error' : undefined}
          />
        </Field>
        <button type="submit" className="button primary field-button" disabled={busy}>
          Assemble edition
        </button>
      </div>
    </form>
  );
}

function SettingsForm({ siteId, timeZone }: { siteId: number; timeZone: string }) {
  const [sendTime, setSendTime] = useState('06:00');
  const [autoSend, setAutoSend] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    newsletterApi.settings(siteId).then(
      (s) => {
        setSendTime(s.sendTime);
        setAutoSend(s.autoSend);
      },
      (err) => setError(errorText(err)),
    );
  }, [siteId]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setError(null);
    try {
      const saved = await newsletterApi.saveSettings(siteId, { sendTime, autoSend });
      setMessage(
        saved.autoSend
          ? `Saved: each day's edition goes out by itself at ${saved.sendTime}.`
          : `Saved: each day's edition is assembled before ${saved.sendTime} and waits for you.`,
      );
    } catch (err) {
      setError(
        err instanceof ApiError && err.fields[0] ? `Send time ${err.fields[0].message}.` : errorText(err),
      );
    }
  };
  return (
    <form className="panel" onSubmit={save} noValidate>
      <h2>Daily schedule</h2>
      <div className="row align-end">
        <Field id="send-time" label={`Send time (${timeZone})`} error={error}>
          <input id="send-time" type="time" value={sendTime} onChange={(e) => setSendTime(e.target.value)} />
        </Field>
        <label className="checkbox field-button">
          <input type="checkbox" checked={autoSend} onChange={(e) => setAutoSend(e.target.checked)} /> Send
          automatically
        </label>
        <button type="submit" className="button field-button">
          Save schedule
        </button>
      </div>
      {message ? (
        <p className="status-note" role="status">
          {message}
        </p>
      ) : null}
    </form>
  );
}

function EditionList({ siteId, locale }: { siteId: number; locale: string }) {
  const list = useLoad(() => newsletterApi.editions(siteId), [siteId]);
  return (
    <>
      {list.error ? <p className="form-error">{list.error}</p> : null}
      <div className={list.loading ? 'table-wrap loading' : 'table-wrap'}>
        <table className="article-table" aria-label="Editions">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Sent
              </th>
              <th scope="col" className="num">
                Failed
              </th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((e) => (
              <tr key={e.id}>
                <td data-label="Day" className="nowrap">
                  {formatDay(e.date, locale)}
                </td>
                <td className="headline-cell">
                  <Link to={`/newsletter/editions/${e.id}`}>{e.subject}</Link>
                  <span className="sub">
                    {e.articleIds.length} top {e.articleIds.length === 1 ? 'story' : 'stories'}
                  </span>
                </td>
                <td data-label="Status">
                  <EditionBadge status={e.status} />
                </td>
                <td data-label="Sent" className="num">
                  {e.counts.total
                    ? `${count(e.counts.sent, locale)} of ${count(e.counts.total, locale)}`
                    : '—'}
                </td>
                <td data-label="Failed" className="num">
                  {e.counts.total ? count(e.counts.failed, locale) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && list.data.length === 0 ? (
          <p className="empty-state">
            No editions yet. Assemble today's above, or wait for the daily schedule.
          </p>
        ) : null}
      </div>
    </>
  );
}
