/**
 * The newsletter's Subscribers screen: search by address, filter by list, status, ZIP and place,
 * page through by keyset, export what the filter selects as CSV, and delete a subscriber with
 * everything held about them (GDPR). The filters live in the URL, so a view can be shared.
 */
import { type FormEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { Pager } from '../components.tsx';
import { newsletterApi, type SubscriberJson, type SubscriberQuery } from '../newsletter-api.ts';
import { useSignedIn } from '../session.tsx';
import { formatInZone } from '../time.ts';
import { useLoad } from '../use-api.ts';
import { count, NewsletterTabs } from './newsletter-shared.tsx';
import { errorText } from './not-yet.tsx';

const PAGE = 25;
const statuses = ['confirmed', 'pending', 'unsubscribed'] as const;

export function NewsletterSubscribers() {
  const { sites, site } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<number[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [zipError, setZipError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SubscriberJson | null>(null);
  const status = params.get('status') ?? '';
  const place = params.get('place') ?? '';
  const [state, county, city] = place ? (JSON.parse(place) as [string, string | null, string | null]) : [];
  const filter: SubscriberQuery = {
    q: params.get('q') ?? undefined,
    siteId: Number(params.get('list')) || undefined,
    ...(status === 'suppressed'
      ? { suppressed: true }
      : status
        ? { status: status as SubscriberQuery['status'] }
        : {}),
    zip: params.get('zip') ?? undefined,
    state: state ?? undefined,
    county: county ?? undefined,
    city: city ?? undefined,
  };
  const after = cursors.at(-1);
  const list = useLoad(
    () => newsletterApi.subscribers({ ...filter, after, limit: PAGE }),
    [JSON.stringify(filter), after],
  );
  const places = useLoad(() => newsletterApi.places(filter.siteId), [filter.siteId]);
  const siteName = (id: number) => sites.find((s) => s.id === id)?.name ?? `Site ${id}`;

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setCursors([]);
    setNotice(null);
    setParams(next);
  };
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const zip = String(form.get('zip') ?? '').trim();
    if (zip && !/^\d{1,5}(-\d{0,4})?$/.test(zip)) {
      setZipError('Type a ZIP code or its first digits, e.g. 10001 or 100.');
      return;
    }
    setZipError(null);
    set({ q: String(form.get('q') ?? '').trim() || undefined, zip: zip || undefined });
  };

  const data = list.data;
  const first = cursors.length * PAGE + 1;
  const timeZone = site?.timeZone ?? 'UTC';

  return (
    <section className="page newsletter">
      <header className="page-header">
        <div>
          <h1>Newsletter</h1>
          <p className="muted">Subscribers of every brand's Daily Newsletter</p>
        </div>
        <a className="button" href={newsletterApi.exportUrl(filter)} download="subscribers.csv">
          Export CSV
        </a>
      </header>
      <NewsletterTabs />
      <form className="filters" aria-label="Filter subscribers" onSubmit={search} noValidate>
        <label className="filter grow">
          <span>Email address</span>
          <input
            name="q"
            type="search"
            defaultValue={filter.q ?? ''}
            key={`q-${filter.q ?? ''}`}
            placeholder="Part of an address…"
          />
        </label>
        <label className="filter">
          <span>List</span>
          <select
            value={filter.siteId ?? ''}
            onChange={(e) => set({ list: e.target.value || undefined, place: undefined })}
          >
            <option value="">All brands</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Status</span>
          <select value={status} onChange={(e) => set({ status: e.target.value || undefined })}>
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
            <option value="suppressed">Suppressed (bounced)</option>
          </select>
        </label>
        <label className="filter place-filter">
          <span>Place</span>
          <select value={place} onChange={(e) => set({ place: e.target.value || undefined })}>
            <option value="">Anywhere</option>
            {(places.data ?? []).map((p) => (
              <option
                key={JSON.stringify([p.state, p.county, p.city])}
                value={JSON.stringify([p.state, p.county, p.city])}
              >
                {[p.city, p.county && `${p.county} County`, p.state].filter(Boolean).join(', ')} (
                {count(p.subscribers)})
              </option>
            ))}
          </select>
        </label>
        <label className="filter zip-filter">
          <span>ZIP code</span>
          <input
            name="zip"
            inputMode="numeric"
            defaultValue={filter.zip ?? ''}
            key={`zip-${filter.zip ?? ''}`}
            aria-invalid={zipError ? true : undefined}
            aria-describedby={zipError ? 'zip-filter-error' : undefined}
          />
        </label>
        <button className="button" type="submit">
          Search
        </button>
        {zipError ? (
          <p className="field-error filter-error" id="zip-filter-error" role="alert">
            {zipError}
          </p>
        ) : null}
      </form>

      {notice ? (
        <p className="status-note" role="status">
          {notice}
        </p>
      ) : null}
      {list.error ? <p className="form-error">{list.error}</p> : null}
      <div className={list.loading ? 'table-wrap loading' : 'table-wrap'}>
        <table className="article-table subscriber-table" aria-label="Subscribers">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Place</th>
              <th scope="col">Lists</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(data?.data ?? []).map((s) => (
              <tr key={s.id}>
                <td className="headline-cell">
                  <span className="email">{s.email}</span>
                  {s.suppressed ? (
                    <span className="sub suppressed" title={s.suppressed.reason ?? ''}>
                      Suppressed: {s.suppressed.reason ?? 'no reason given'}
                    </span>
                  ) : null}
                  {s.bounces.soft + s.bounces.hard > 0 ? (
                    <span className="sub">
                      Bounces: {s.bounces.hard} hard, {s.bounces.soft} soft
                    </span>
                  ) : null}
                </td>
                <td data-label="Place">
                  {s.zip ? (
                    <>
                      {s.zip}
                      <span className="sub">{[s.place.city, s.place.state].filter(Boolean).join(', ')}</span>
                    </>
                  ) : (
                    <span className="muted">No ZIP</span>
                  )}
                </td>
                <td data-label="Lists">
                  <span className="list-badges">
                    {s.lists.map((l) => (
                      <span key={l.siteId} className={`badge badge-list-${l.status}`}>
                        {siteName(l.siteId)}: {l.status}
                      </span>
                    ))}
                  </span>
                </td>
                <td data-label="Since" className="nowrap">
                  {formatInZone(s.createdAt, timeZone, site?.locale)}
                </td>
                <td>
                  <button
                    type="button"
                    className="button ghost small danger"
                    aria-label={`Delete ${s.email}`}
                    onClick={() => setDeleting(s)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.data.length === 0 ? (
          <p className="empty-state">
            {filter.q && !filter.q.includes('@') && /\s/.test(filter.q)
              ? `No address contains “${filter.q}”. Search for part of an email address, e.g. “@example.org”.`
              : 'No subscribers match. Change the filters or clear the search.'}
          </p>
        ) : null}
      </div>
      {data ? (
        <Pager
          hasPrevious={cursors.length > 0}
          hasNext={data.next !== null}
          onPrevious={() => setCursors(cursors.slice(0, -1))}
          onNext={() => data.next !== null && setCursors([...cursors, data.next])}
        >
          {data.total === 0
            ? 'No subscribers'
            : `${count(first)}–${count(first + data.data.length - 1)} of ${count(data.total)} subscribers`}
        </Pager>
      ) : null}
      {deleting ? (
        <DeleteDialog
          subscriber={deleting}
          onClose={() => setDeleting(null)}
          onDone={(text) => {
            setDeleting(null);
            setNotice(text);
            list.reload();
            places.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function DeleteDialog(props: {
  subscriber: SubscriberJson;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const { email } = props.subscriber;
  const remove = async () => {
    setBusy(true);
    try {
      await newsletterApi.deleteSubscriber(props.subscriber.id);
      props.onDone(`Deleted ${email} and everything held about them.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        props.onDone(`${email} was already deleted; nothing is left to delete.`);
        return;
      }
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <dialog open ref={dialog} className="modal" aria-labelledby="delete-subscriber-title">
        <h2 id="delete-subscriber-title">Delete {email}?</h2>
        <p>
          This erases the address, its ZIP and place, its subscriptions to every brand, its send log and its
          bounce reports. It cannot be undone.
        </p>
        {error ? <p className="form-error">{error}</p> : null}
        <div className="modal-actions">
          {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a destructive dialog. */}
          <button type="button" className="button ghost" onClick={props.onClose} autoFocus>
            Keep
          </button>
          <button type="button" className="button primary danger-fill" disabled={busy} onClick={remove}>
            Delete for good
          </button>
        </div>
      </dialog>
    </div>
  );
}
