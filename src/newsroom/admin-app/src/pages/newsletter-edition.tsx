/**
 * One edition: edit its subject, intro and top stories while it is a draft or scheduled; preview
 * the email as a reader with a given ZIP gets it; send it now or schedule it in the brand's zone;
 * watch the send's progress live and, after it, the deliveries, bounces and unsubscribes.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api.ts';
import { Field } from '../components.tsx';
import { type EditionDetailJson, newsletterApi } from '../newsletter-api.ts';
import { useSignedIn } from '../session.tsx';
import { formatInZone, wallTimeToInstant } from '../time.ts';
import { count, EditionBadge, formatDay, NewsletterTabs } from './newsletter-shared.tsx';
import { errorText } from './not-yet.tsx';

const LIVE = new Set(['scheduled', 'sending']);

export function NewsletterEdition() {
  const id = Number(useParams().id);
  const { sites } = useSignedIn();
  const [edition, setEdition] = useState<EditionDetailJson | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    newsletterApi.edition(id).then(setEdition, (err) => setError(errorText(err)));
  }, [id]);
  // Live progress: while it is scheduled or sending, ask again every second.
  const live = edition ? LIVE.has(edition.status) : false;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      newsletterApi.edition(id).then(setEdition, () => {});
    }, 1000);
    return () => clearInterval(timer);
  }, [id, live]);

  if (!edition) {
    return (
      <section className="page newsletter">
        <NewsletterTabs />
        <div className={error ? 'form-error' : 'panel'}>{error ?? 'Loading the edition…'}</div>
      </section>
    );
  }
  const site = sites.find((s) => s.id === edition.siteId);
  const timeZone = site?.timeZone ?? 'UTC';
  const locale = site?.locale ?? 'en-US';
  const editable = edition.status === 'draft' || edition.status === 'scheduled';
  return (
    <section className="page newsletter">
      <header className="page-header">
        <div>
          <Link to="/newsletter" className="back">
            ← Editions
          </Link>
          <h1>{edition.subject}</h1>
          <p className="muted">
            {site?.name} · edition of {formatDay(edition.date, locale)} ·{' '}
            <EditionBadge status={edition.status} />
          </p>
        </div>
      </header>
      <NewsletterTabs />
      <div className="edition-grid">
        <div className="edition-main">
          {editable ? (
            <ContentForm key={edition.id} edition={edition} onSaved={setEdition} />
          ) : (
            <div className="panel">
              <h2>Content</h2>
              <p className="muted">This edition is {edition.status}; its content can no longer be changed.</p>
            </div>
          )}
          <Preview edition={edition} />
        </div>
        <div className="edition-side">
          <SendPanel edition={edition} timeZone={timeZone} locale={locale} onChange={setEdition} />
          <Progress edition={edition} locale={locale} />
        </div>
      </div>
    </section>
  );
}

function ContentForm({
  edition,
  onSaved,
}: {
  edition: EditionDetailJson;
  onSaved: (e: EditionDetailJson) => void;
}) {
  const [subject, setSubject] = useState(edition.subject);
  const [intro, setIntro] = useState(edition.intro);
  const [ids, setIds] = useState<number[]>([...edition.articleIds]);
  const [headlines, setHeadlines] = useState<Map<number, string>>(new Map());
  const [candidates, setCandidates] = useState<{ id: number; headline: string }[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.articles({ site: edition.siteId, status: 'published' }).then(
      (list) => {
        setCandidates(list.data.map((a) => ({ id: a.id, headline: a.headline })));
        setHeadlines((known) => new Map([...known, ...list.data.map((a) => [a.id, a.headline] as const)]));
      },
      () => {},
    );
    for (const id of edition.articleIds) {
      api.article(id).then(
        (a) => setHeadlines((known) => new Map(known).set(a.id, a.headline)),
        () => {},
      );
    }
  }, [edition.siteId, edition.articleIds]);

  const move = (index: number, by: number) => {
    const next = [...ids];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setIds(next);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await newsletterApi.editEdition(edition.id, {
        subject: subject.trim(),
        intro,
        articleIds: ids,
      });
      setErrors({});
      setMessage('Changes saved. The preview shows them.');
      onSaved(saved);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : [];
      setErrors(
        fields.length
          ? Object.fromEntries(fields.map((f) => [f.field.replace(/^\//, ''), f.message]))
          : { form: errorText(err) },
      );
    } finally {
      setBusy(false);
    }
  };
  const addable = candidates.filter((c) => !ids.includes(c.id));
  return (
    <form className="panel" onSubmit={save} noValidate aria-label="Edition content">
      <h2>Content</h2>
      {errors.form ? <p className="form-error">{errors.form}</p> : null}
      <Field
        id="edition-subject"
        label="Subject"
        error={errors.subject ? `The subject ${errors.subject}.` : null}
      >
        <input
          id="edition-subject"
          value={subject}
          maxLength={200}
          onChange={(e) => setSubject(e.target.value)}
          aria-describedby={errors.subject ? 'edition-subject-error' : undefined}
        />
      </Field>
      <Field id="edition-intro" label="Introduction" hint="A short note above the top stories (optional).">
        <textarea
          id="edition-intro"
          rows={3}
          value={intro}
          maxLength={2000}
          onChange={(e) => setIntro(e.target.value)}
        />
      </Field>
      <div className="field">
        <span className="field-label">Top stories</span>
        {ids.length === 0 ? <p className="hint">No stories: add at least one below.</p> : null}
        <ol className="pick-list story-list" aria-label="Top stories">
          {ids.map((id, i) => {
            const headline = headlines.get(id) ?? `Article ${id}`;
            return (
              <li key={id}>
                <span className="pick-rank">{i + 1}</span>
                <span className="pick-headline">{headline}</span>
                <span className="row">
                  <button
                    type="button"
                    className="button ghost small"
                    disabled={i === 0}
                    aria-label={`Move up: ${headline}`}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button ghost small"
                    disabled={i === ids.length - 1}
                    aria-label={`Move down: ${headline}`}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button ghost small danger"
                    aria-label={`Remove: ${headline}`}
                    onClick={() => setIds(ids.filter((x) => x !== id))}
                  >
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        {addable.length ? (
          <label className="filter add-story">
            <span>Add a published article</span>
            <select
              value=""
              onChange={(e) => {
                const picked = Number(e.target.value);
                if (picked) setIds([...ids, picked]);
              }}
            >
              <option value="">Choose an article…</option>
              {addable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.headline}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="button primary" disabled={busy}>
          Save changes
        </button>
        {message ? (
          <p className="status-note" role="status">
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function Preview({ edition }: { edition: EditionDetailJson }) {
  const [zip, setZip] = useState('');
  const [format, setFormat] = useState<'html' | 'text'>('html');
  const [shown, setShown] = useState<{ zip: string; text: string | null; stamp: number }>({
    zip: '',
    text: null,
    stamp: 0,
  });
  const [error, setError] = useState<string | null>(null);
  const stamp = `${edition.subject}|${edition.intro}|${edition.articleIds.join(',')}`;

  const load = async (forZip: string, forFormat: 'html' | 'text') => {
    setError(null);
    if (forZip && !/^\d{5}(-\d{4})?$/.test(forZip)) {
      setError('A ZIP code is 5 digits (or ZIP+4), e.g. 10001.');
      return;
    }
    try {
      const body = await newsletterApi.preview(edition.id, { zip: forZip || undefined, format: forFormat });
      setShown({ zip: forZip, text: forFormat === 'text' ? body : null, stamp: Date.now() });
    } catch (err) {
      setError(errorText(err));
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the content or the format changes.
  useEffect(() => {
    void load(shown.zip, format);
  }, [stamp, format]);

  return (
    <div className="panel preview-panel">
      <h2>Preview</h2>
      <form
        className="row align-end"
        onSubmit={(e) => {
          e.preventDefault();
          void load(zip.trim(), format);
        }}
        noValidate
      >
        <Field
          id="preview-zip"
          label="Reader's ZIP code"
          error={error}
          hint="Empty: a reader without a ZIP (no local news)."
        >
          <input
            id="preview-zip"
            inputMode="numeric"
            value={zip}
            placeholder="e.g. 10001"
            onChange={(e) => setZip(e.target.value)}
            aria-describedby={error ? 'preview-zip-error' : undefined}
          />
        </Field>
        <button type="submit" className="button field-button">
          Show preview
        </button>
        <fieldset className="segmented field-button" aria-label="Format">
          {(['html', 'text'] as const).map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={format === f}
              className={format === f ? 'active' : ''}
              onClick={() => setFormat(f)}
            >
              {f === 'html' ? 'HTML' : 'Plain text'}
            </button>
          ))}
        </fieldset>
      </form>
      <p className="hint">
        {shown.zip ? `As a reader at ZIP ${shown.zip} gets it.` : 'As a reader without a ZIP gets it.'}
      </p>
      {format === 'text' ? (
        <pre className="preview-text" data-testid="preview-text">
          {shown.text ?? ''}
        </pre>
      ) : shown.stamp ? (
        <iframe
          key={shown.stamp}
          title="Email preview"
          className="preview-frame"
          sandbox=""
          src={newsletterApi.previewUrl(edition.id, { zip: shown.zip || undefined })}
        />
      ) : null}
    </div>
  );
}

function SendPanel(props: {
  edition: EditionDetailJson;
  timeZone: string;
  locale: string;
  onChange: (e: EditionDetailJson) => void;
}) {
  const { edition, timeZone, locale } = props;
  const [when, setWhen] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<EditionDetailJson>, done: string) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      props.onChange(await work());
      setMessage(done);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const sendNow = () => {
    if (!window.confirm(`Send “${edition.subject}” now to ${count(edition.audience, locale)} subscribers?`))
      return;
    void act(() => newsletterApi.send(edition.id), 'Sending started.');
  };
  const schedule = (event: FormEvent) => {
    event.preventDefault();
    const at = wallTimeToInstant(when, timeZone);
    if (!at) {
      setError('Choose a day and a time to schedule it.');
      return;
    }
    if (at.getTime() <= Date.now()) {
      setError('That time has passed; choose a later one, or send now.');
      return;
    }
    void act(
      () => newsletterApi.send(edition.id, at.toISOString()),
      `Scheduled for ${formatInZone(at.toISOString(), timeZone, locale)}.`,
    );
  };
  const cancel = () => {
    if (!window.confirm('Cancel this edition? Readers who have not received it yet will not get it.')) return;
    void act(() => newsletterApi.cancel(edition.id), 'The edition is cancelled.');
  };
  const open = edition.status === 'draft' || edition.status === 'scheduled';
  return (
    <div className="panel">
      <h2>Send</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {message ? (
        <p className="status-note" role="status">
          {message}
        </p>
      ) : null}
      {edition.status === 'scheduled' && edition.sendAt ? (
        <p className="send-when">Goes out {formatInZone(edition.sendAt, timeZone, locale)}.</p>
      ) : null}
      {edition.status === 'sent' && edition.finishedAt ? (
        <p className="send-when">Sent {formatInZone(edition.finishedAt, timeZone, locale)}.</p>
      ) : null}
      {open ? (
        <>
          <p className="muted audience">
            {edition.audience === 0
              ? 'The list has no confirmed subscribers yet.'
              : `Goes to ${count(edition.audience, locale)} confirmed ${edition.audience === 1 ? 'subscriber' : 'subscribers'}.`}
          </p>
          <button type="button" className="button primary wide" disabled={busy} onClick={sendNow}>
            Send now
          </button>
          <form className="schedule-form" onSubmit={schedule} noValidate>
            <Field id="send-at" label={`Or schedule (${timeZone})`}>
              <input
                id="send-at"
                type="datetime-local"
                value={when}
                onChange={(e) => setWhen(e.target.value)}
              />
            </Field>
            <button type="submit" className="button wide" disabled={busy}>
              Schedule
            </button>
          </form>
        </>
      ) : null}
      {edition.status !== 'sent' && edition.status !== 'cancelled' ? (
        <button type="button" className="button ghost danger wide" disabled={busy} onClick={cancel}>
          {edition.status === 'sending' ? 'Stop sending' : 'Cancel edition'}
        </button>
      ) : null}
    </div>
  );
}

function Progress({ edition, locale }: { edition: EditionDetailJson; locale: string }) {
  const c = edition.counts;
  const done = c.sent + c.failed + c.suppressed;
  const ratio = c.total ? done / c.total : 0;
  const stat = (label: string, value: number, tone = '') => (
    <div className={`stat ${tone}`}>
      <dt>{label}</dt>
      <dd>{count(value, locale)}</dd>
    </div>
  );
  return (
    <section className="panel" aria-labelledby="delivery-title">
      <h2 id="delivery-title">Delivery</h2>
      {c.total === 0 ? (
        <p className="muted">Nothing sent yet. Counts appear here as soon as it starts.</p>
      ) : (
        <>
          <div
            className="progress"
            role="progressbar"
            aria-label="Sent so far"
            aria-valuemin={0}
            aria-valuemax={c.total}
            aria-valuenow={done}
          >
            <span style={{ width: `${Math.round(ratio * 100)}%` }} />
          </div>
          <p className="progress-label">
            {count(done, locale)} of {count(c.total, locale)} ({Math.floor(ratio * 100)}%)
          </p>
        </>
      )}
      <dl className="stats">
        {stat('Sent', c.sent, 'ok')}
        {stat('Failed', c.failed, c.failed ? 'bad' : '')}
        {stat('Suppressed', c.suppressed)}
        {stat('Retrying', c.retry, c.retry ? 'warn' : '')}
        {stat('Queued', c.queued + c.sending)}
      </dl>
      <h3 className="stats-heading">Responses</h3>
      <dl className="stats">
        {stat('Hard bounces', edition.bounces.hard, edition.bounces.hard ? 'bad' : '')}
        {stat('Soft bounces', edition.bounces.soft, edition.bounces.soft ? 'warn' : '')}
        {stat('Unsubscribes', edition.unsubscribes)}
      </dl>
    </section>
  );
}
