/** Status and the lifecycle: publish, update (with the "Updated" note), schedule, unpublish. */
import { useState } from 'react';
import { ApiError, api } from '../api.ts';
import { StatusBadge } from '../components.tsx';
import { formatInZone, instantToWallTime, wallTimeToInstant, zoneAbbreviation } from '../time.ts';
import type { ArticleJson, SiteJson } from '../types.ts';

export function PublishPanel(props: {
  article: ArticleJson;
  site: SiteJson;
  now: Date;
  dirty: boolean;
  /** Saves what is typed first; false when that failed (the editor shows why). */
  save: (options?: { announce?: boolean }) => Promise<boolean>;
  adopt: (article: ArticleJson) => void;
}) {
  const { article, site } = props;
  const [when, setWhen] = useState(() =>
    instantToWallTime(
      article.status === 'scheduled' && article.publishedAt
        ? new Date(article.publishedAt)
        : nextHour(props.now),
      site.timeZone,
    ),
  );
  const [announce, setAnnounce] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [correction, setCorrection] = useState('');
  const instant = wallTimeToInstant(when, site.timeZone);
  const zone = `${site.timeZone} (${zoneAbbreviation(instant ?? props.now, site.timeZone)})`;

  const run = async (action: () => Promise<ArticleJson | boolean>) => {
    setBusy(true);
    setError(null);
    try {
      if (!(await props.save())) return;
      const result = await action();
      if (typeof result !== 'boolean') props.adopt(result);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'That did not work. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="publish-title">
      <h2 id="publish-title">Publishing</h2>
      <div className="status-line">
        <StatusBadge status={article.status} />
        {article.publishedAt && article.status !== 'draft' ? (
          <span className="muted">
            {article.status === 'scheduled' ? 'for ' : ''}
            {formatInZone(article.publishedAt, site.timeZone, site.locale)}
          </span>
        ) : null}
      </div>
      {article.updatedAt ? (
        <p className="hint">
          Readers see “Updated {formatInZone(article.updatedAt, site.timeZone, site.locale)}”.
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="stack">
        {article.status === 'published' ? (
          <>
            <label className="checkbox">
              <input type="checkbox" checked={announce} onChange={(e) => setAnnounce(e.target.checked)} />
              Show readers an “Updated” note
            </label>
            <button
              type="button"
              className="button primary"
              disabled={busy || (!props.dirty && !announce)}
              onClick={() =>
                run(async () => {
                  const ok = await props.save({ announce });
                  if (ok) setAnnounce(false);
                  return ok;
                })
              }
            >
              Update live article
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => run(() => api.unpublish(article.id))}
            >
              Unpublish
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => run(() => api.publish(article.id))}
          >
            Publish now
          </button>
        )}
        {article.status !== 'published' ? (
          <div className="field">
            <label htmlFor="schedule-at">Schedule for</label>
            <div className="row">
              <input
                id="schedule-at"
                type="datetime-local"
                value={when}
                onChange={(e) => setWhen(e.target.value)}
                aria-describedby="schedule-zone"
              />
              <button
                type="button"
                className="button"
                disabled={busy || !instant}
                onClick={() => run(() => api.schedule(article.id, instant!.toISOString()))}
              >
                {article.status === 'scheduled' ? 'Reschedule' : 'Schedule'}
              </button>
            </div>
            <p className="hint" id="schedule-zone">
              Time in {zone}, the brand’s time zone.
            </p>
          </div>
        ) : null}
        {article.status === 'published' ? (
          <form
            className="field"
            onSubmit={(e) => {
              e.preventDefault();
              const text = correction.trim();
              if (!text) return;
              void run(async () => {
                const corrected = await api.addCorrection(article.id, text);
                setCorrection('');
                return corrected;
              });
            }}
          >
            <label className="field-label" htmlFor="correction-text">
              Correction
            </label>
            <textarea
              id="correction-text"
              rows={2}
              value={correction}
              onChange={(e) => setCorrection(e.target.value)}
            />
            <p className="hint">Shown, dated, at the end of the article.</p>
            <button type="submit" className="button" disabled={busy || correction.trim() === ''}>
              Add correction
            </button>
          </form>
        ) : null}
      </div>
    </section>
  );
}

function nextHour(now: Date): Date {
  const next = new Date(now);
  next.setUTCMinutes(0, 0, 0);
  next.setUTCHours(next.getUTCHours() + 1);
  return next;
}
