/**
 * Live TV for the brand chosen in the top bar: its channel (stream, backup, poster, on air) and
 * the programme schedule, with times entered and shown in the site's time zone.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { Field } from '../components.tsx';
import { useSignedIn } from '../session.tsx';
import { formatInZone, wallTimeToInstant } from '../time.ts';
import type { LiveChannelJson } from '../types.ts';
import { useLoad } from '../use-api.ts';
import { errorText } from './not-yet.tsx';

type FieldErrors = Record<string, string>;

const fieldErrors = (err: unknown): FieldErrors =>
  err instanceof ApiError ? Object.fromEntries(err.fields.map((f) => [f.field, f.message])) : {};

const emptyChannel: LiveChannelJson = {
  name: '',
  streamUrl: '',
  backupUrl: null,
  posterUrl: null,
  onAir: false,
};

export function LivePage() {
  const { site, siteId } = useSignedIn();
  if (!siteId || !site) {
    return (
      <section className="page">
        <header className="page-header">
          <h1>Live TV</h1>
        </header>
        <div className="empty-state">Choose a brand in the top bar.</div>
      </section>
    );
  }
  return (
    <section className="page">
      <header className="page-header">
        <h1>Live TV</h1>
        <p className="muted">
          {site.name} · times in {site.timeZone}
        </p>
      </header>
      <ChannelForm key={`channel-${siteId}`} siteId={siteId} />
      <Schedule key={`schedule-${siteId}`} siteId={siteId} timeZone={site.timeZone} locale={site.locale} />
    </section>
  );
}

function ChannelForm({ siteId }: { siteId: number }) {
  const [channel, setChannel] = useState<LiveChannelJson | null>(null);
  const [isNew, setIsNew] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.liveChannel(siteId).then(
      (c) => setChannel(c),
      (err) => {
        if (err instanceof ApiError && err.status === 404) {
          setIsNew(true);
          setChannel(emptyChannel);
        } else setMessage(errorText(err));
      },
    );
  }, [siteId]);

  if (!channel) return <div className="panel">{message ?? 'Loading the channel…'}</div>;

  const set = (changes: Partial<LiveChannelJson>) => setChannel({ ...channel, ...changes });
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaving(true);
    setMessage(null);
    try {
      const saved = await api.saveLiveChannel(siteId, {
        name: channel.name,
        streamUrl: channel.streamUrl,
        backupUrl: channel.backupUrl || null,
        posterUrl: channel.posterUrl || null,
        onAir: channel.onAir,
      });
      setChannel(saved);
      setIsNew(false);
      setErrors({});
      setMessage(saved.onAir ? 'Channel saved: on air.' : 'Channel saved: off air.');
    } catch (err) {
      setErrors(fieldErrors(err));
      setMessage(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel live-channel" onSubmit={save} noValidate>
      <h2>Channel</h2>
      {isNew ? <p className="muted">This brand has no channel yet: fill it in and save.</p> : null}
      <Field id="live-name" label="Channel name" error={errors.name}>
        <input
          id="live-name"
          value={channel.name}
          aria-describedby={errors.name ? 'live-name-error' : undefined}
          onChange={(e) => set({ name: e.target.value })}
        />
      </Field>
      <Field id="live-stream" label="Stream URL" error={errors.streamUrl} hint="The HLS playlist (.m3u8).">
        <input
          id="live-stream"
          value={channel.streamUrl}
          aria-describedby={errors.streamUrl ? 'live-stream-error' : undefined}
          onChange={(e) => set({ streamUrl: e.target.value })}
        />
      </Field>
      <Field id="live-backup" label="Backup URL" error={errors.backupUrl}>
        <input
          id="live-backup"
          value={channel.backupUrl ?? ''}
          aria-describedby={errors.backupUrl ? 'live-backup-error' : undefined}
          onChange={(e) => set({ backupUrl: e.target.value })}
        />
      </Field>
      <Field id="live-poster" label="Poster URL" error={errors.posterUrl}>
        <input
          id="live-poster"
          value={channel.posterUrl ?? ''}
          aria-describedby={errors.posterUrl ? 'live-poster-error' : undefined}
          onChange={(e) => set({ posterUrl: e.target.value })}
        />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={channel.onAir} onChange={(e) => set({ onAir: e.target.checked })} />{' '}
        On air
      </label>
      {errors.onAir ? <p className="field-error">{errors.onAir}</p> : null}
      <div className="row">
        <button type="submit" className="button primary" disabled={saving}>
          Save channel
        </button>
        {message ? (
          <p className="notice" role="status">
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function Schedule({ siteId, timeZone, locale }: { siteId: number; timeZone: string; locale: string }) {
  const [from] = useState(() => new Date().toISOString());
  const programmes = useLoad(() => api.programmes(siteId, { from }), [siteId, from]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const startsAt = wallTimeToInstant(String(data.get('startsAt') ?? ''), timeZone);
    const endsAt = wallTimeToInstant(String(data.get('endsAt') ?? ''), timeZone);
    const local: FieldErrors = {};
    if (!String(data.get('title') ?? '').trim()) local.title = 'is required';
    if (!startsAt) local.startsAt = 'is required';
    if (!endsAt) local.endsAt = 'is required';
    if (Object.keys(local).length || !startsAt || !endsAt) {
      setErrors(local);
      setProblem('Some fields are not valid.');
      return;
    }
    try {
      const created = await api.createProgramme(siteId, {
        title: String(data.get('title')).trim(),
        description: String(data.get('description') ?? ''),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        recurrence: data.get('weekly') ? 'weekly' : 'none',
      });
      setErrors({});
      setProblem(null);
      setMessage(`Added “${created.title}”.`);
      form.reset();
      programmes.reload();
    } catch (err) {
      setErrors(fieldErrors(err));
      setProblem(errorText(err));
      setMessage(null);
    }
  };

  const remove = async (id: number, title: string) => {
    if (!window.confirm(`Delete “${title}” (every airing of it)?`)) return;
    try {
      await api.deleteProgramme(id);
      setMessage(`Deleted “${title}”.`);
      programmes.reload();
    } catch (err) {
      setMessage(errorText(err));
    }
  };

  const known = new Set(['title', 'description', 'startsAt', 'endsAt']);
  const other = Object.entries(errors).filter(([field]) => !known.has(field));

  return (
    <div className="panel live-schedule">
      <h2>Schedule</h2>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {programmes.error ? <p className="notice">{programmes.error}</p> : null}
      {programmes.data && programmes.data.length === 0 ? (
        <div className="empty-state">No programmes to come.</div>
      ) : null}
      {programmes.data && programmes.data.length > 0 ? (
        <div className="table-wrap">
          <table className="article-table" aria-label="Programmes">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Starts</th>
                <th scope="col">Ends</th>
                <th scope="col">Repeats</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {programmes.data.map((p) => (
                <tr key={p.id}>
                  <td className="headline-cell">{p.title}</td>
                  <td data-label="Starts">{formatInZone(p.startsAt, timeZone, locale)}</td>
                  <td data-label="Ends">{formatInZone(p.endsAt, timeZone, locale)}</td>
                  <td data-label="Repeats">{p.recurrence === 'weekly' ? 'Weekly' : 'Once'}</td>
                  <td>
                    <button
                      type="button"
                      className="button ghost small"
                      aria-label={`Delete ${p.title}`}
                      onClick={() => remove(p.id, p.title)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form className="new-programme" onSubmit={add} noValidate>
        <h3>Add a programme</h3>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <Field id="programme-title" label="Title" error={errors.title}>
          <input id="programme-title" name="title" required />
        </Field>
        <Field id="programme-description" label="Description" error={errors.description}>
          <textarea id="programme-description" name="description" rows={2} />
        </Field>
        <div className="row">
          <Field id="programme-start" label={`Starts (${timeZone})`} error={errors.startsAt}>
            <input id="programme-start" name="startsAt" type="datetime-local" required />
          </Field>
          <Field id="programme-end" label={`Ends (${timeZone})`} error={errors.endsAt}>
            <input id="programme-end" name="endsAt" type="datetime-local" required />
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="weekly" /> Repeats weekly
        </label>
        {other.map(([field, text]) => (
          <p key={field} className="field-error">
            {field}: {text}
          </p>
        ))}
        <button type="submit" className="button primary">
          Add programme
        </button>
      </form>
    </div>
  );
}
