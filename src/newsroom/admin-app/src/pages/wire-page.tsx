/**
 * The wire desk for the brand chosen in the top bar: a source's items by status (the incoming
 * queue first), newest first, and the chosen item's preview — headline, summary, body, agency,
 * rights line, embargo and licence end, the versions received of it — with "Publish as is" and
 * "Open in the editor" (a draft article) and "Ignore" for a queued item, and why it was queued or
 * published (the source's setting or one of its publishing rules, editable above). Filters: source, status, urgency (that urgent or more) and agency;
 * they and the open item live in the URL.
 */
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Pager } from '../components.tsx';
import { useSignedIn } from '../session.tsx';
import { formatInZone } from '../time.ts';
import { useLoad } from '../use-api.ts';
import {
  type WireDecisionJson,
  type WireItemJson,
  type WireItemRowJson,
  type WireItemStatus,
  wireApi,
  wireStatuses,
} from '../wire-api.ts';
import { errorText } from './not-yet.tsx';
import { WireRulesForm } from './wire-rules-form.tsx';
import './wire.css';

const statusLabels: Record<WireItemStatus, string> = {
  queued: 'Waiting (queue)',
  drafted: 'In the editor (draft)',
  superseded: 'Superseded (newer version)',
  published: 'Published',
  scheduled: 'Scheduled (embargo)',
  refused: 'Refused',
  killed: 'Killed (withdrawn)',
  expired: 'Licence ended',
  ignored: 'Ignored',
};

/** Why an item that is not in the queue cannot be used, in the desk's words. */
const notUsable: Partial<Record<WireItemStatus, string>> = {
  killed: 'The agency withdrew this item (a kill): it cannot be published, and its article is down.',
  expired: 'The licence for this item has ended: it cannot be published again.',
  refused: 'This file was refused at ingest; nothing can be published from it.',
  ignored: 'The desk ignored this item.',
  superseded: 'A newer version of this item arrived and took its place in the queue.',
};

export function WirePage() {
  const { site, siteId } = useSignedIn();
  return (
    <section className="page wire">
      <header className="page-header">
        <div>
          <h1>Wire</h1>
          <p className="muted">
            {site
              ? `Agency copy for ${site.name} · times in ${site.timeZone}`
              : 'Choose a brand in the top bar.'}
          </p>
        </div>
      </header>
      {site && siteId ? (
        <WireDesk key={siteId} siteId={siteId} timeZone={site.timeZone} locale={site.locale} />
      ) : null}
    </section>
  );
}

function WireDesk({ siteId, timeZone, locale }: { siteId: number; timeZone: string; locale: string }) {
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const sources = useLoad(() => wireApi.sources(siteId), [siteId]);
  const sourceId = Number(params.get('source')) || sources.data?.[0]?.id || null;
  const status = (wireStatuses as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as WireItemStatus)
    : 'queued';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openId = Number(params.get('item')) || null;
  const urgencyParam = Number(params.get('urgency'));
  const urgency =
    Number.isInteger(urgencyParam) && urgencyParam >= 1 && urgencyParam <= 9 ? urgencyParam : null;
  const agency = params.get('agency') || null;
  const agencies = useLoad(() => (sourceId ? wireApi.agencies(sourceId) : Promise.resolve([])), [sourceId]);
  const list = useLoad(
    () => (sourceId ? wireApi.items(sourceId, { status, urgency, agency }, page) : Promise.resolve(null)),
    [sourceId, status, page, urgency, agency],
  );
  const when = (iso: string | null) => (iso ? formatInZone(iso, timeZone, locale) : '—');

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  if (sources.error) return <p className="form-error">{sources.error}</p>;
  if (sources.data && sources.data.length === 0) {
    return (
      <div className="empty-state">
        This brand has no wire source yet. An admin adds one in the API (POST /wire/sources), or `dateline
        ingest` files into the brand's manual source.
      </div>
    );
  }
  const rows = list.data?.data ?? [];
  const source = sources.data?.find((s) => s.id === sourceId) ?? null;
  return (
    <>
      {source ? (
        <WireRulesForm
          key={source.id}
          source={source}
          // Only admins hold wire.configure (PERMISSIONS.md); the API checks it again.
          canConfigure={user.role === 'admin'}
          onSaved={() => sources.reload()}
        />
      ) : null}
      <form className="filters" aria-label="Wire filters" onSubmit={(e) => e.preventDefault()}>
        <label className="filter">
          <span>Source</span>
          <select
            value={sourceId ?? ''}
            onChange={(e) => set({ source: e.target.value, page: null, item: null, agency: null })}
          >
            {(sources.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.autoPublish ? 'auto-publish' : 'desk review'})
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Status</span>
          <select value={status} onChange={(e) => set({ status: e.target.value, page: null, item: null })}>
            {wireStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Urgency</span>
          <select
            value={urgency ?? ''}
            onChange={(e) => set({ urgency: e.target.value || null, page: null, item: null })}
          >
            <option value="">Any</option>
            {[1, 2, 3, 4, 5, 6, 7, 8].map((u) => (
              <option key={u} value={u}>
                {urgencyLabel(u)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Agency</span>
          <select
            value={agency ?? ''}
            onChange={(e) => set({ agency: e.target.value || null, page: null, item: null })}
          >
            <option value="">Any</option>
            {(agencies.data ?? []).map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <p className="muted wire-count" aria-live="polite">
          {list.data ? `${list.data.total} ${list.data.total === 1 ? 'item' : 'items'}` : 'Loading…'}
        </p>
      </form>
      {list.error ? <p className="form-error">{list.error}</p> : null}
      <div className="wire-grid">
        <div className={list.loading ? 'table-wrap loading' : 'table-wrap'}>
          {list.data && rows.length === 0 ? (
            <div className="empty-state">No {statusLabels[status].toLowerCase()} items from this source.</div>
          ) : (
            <table className="article-table" aria-label="Wire items">
              <thead>
                <tr>
                  <th scope="col">Headline</th>
                  <th scope="col">Urgency</th>
                  <th scope="col">Version</th>
                  <th scope="col">Received</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className={row.id === openId ? 'selected' : undefined}>
                    <td className="headline-cell">
                      <Link
                        to={`?${withItem(params, row.id)}`}
                        aria-current={row.id === openId ? 'true' : undefined}
                      >
                        {row.headline}
                      </Link>
                      {row.refusalReason ? <span className="sub">{row.refusalReason}</span> : null}
                      {row.embargoAt ? <span className="sub">Embargo {when(row.embargoAt)}</span> : null}
                    </td>
                    <td data-label="Urgency">{row.urgency ?? '—'}</td>
                    <td data-label="Version">{row.version ?? '—'}</td>
                    <td data-label="Received" className="nowrap">
                      {when(row.receivedAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {list.data && list.data.total > list.data.pageSize ? (
            <Pager
              previousLabel="Newer"
              nextLabel="Older"
              hasPrevious={page > 1}
              hasNext={page * list.data.pageSize < list.data.total}
              onPrevious={() => set({ page: String(page - 1) })}
              onNext={() => set({ page: String(page + 1) })}
            >
              Page {page}
            </Pager>
          ) : null}
        </div>
        {openId ? (
          <ItemPreview
            key={openId}
            id={openId}
            when={when}
            onDecided={() => list.reload()}
            onClose={() => set({ item: null })}
            open={(id) => set({ item: String(id) })}
          />
        ) : (
          <div className="panel wire-preview muted">Choose an item to preview it.</div>
        )}
      </div>
    </>
  );
}

/** "1 (flash)" … "3 or more urgent": urgency N lists items of urgency 1 to N. */
function urgencyLabel(u: number): string {
  if (u === 1) return '1 (flash) only';
  return `${u} or more urgent`;
}

const withItem = (params: URLSearchParams, id: number) => {
  const next = new URLSearchParams(params);
  next.set('item', String(id));
  return next.toString();
};

function ItemPreview(props: {
  id: number;
  when: (iso: string | null) => string;
  onDecided: () => void;
  onClose: () => void;
  open: (id: number) => void;
}) {
  const { id, when } = props;
  const navigate = useNavigate();
  const item = useLoad(() => wireApi.item(id), [id]);
  const [decision, setDecision] = useState<WireDecisionJson | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (item.error) return <div className="panel wire-preview form-error">{item.error}</div>;
  if (!item.data) return <div className="panel wire-preview">Loading the item…</div>;
  const row = item.data;
  const preview = row.preview;

  const decide = async (action: 'publish' | 'ignore') => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await wireApi[action](id);
      // Publishing can still be refused with a 200 (a later kill, an ended licence): its reason says why.
      const done = action === 'ignore' || ['published', 'scheduled', 'updated'].includes(result.status);
      if (done) setDecision(result);
      else setProblem(`Not published: ${result.reason ?? `the item is ${result.status}`}.`);
      props.onDecided();
      item.reload();
    } catch (err) {
      // A 409 for an item the agency killed since it was queued: it has moved to the killed items.
      setProblem(errorText(err));
      props.onDecided();
      item.reload();
    } finally {
      setBusy(false);
    }
  };

  // "Open in the editor": the item becomes a draft article, and the editor opens on it.
  const openInEditor = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await wireApi.draft(id);
      props.onDecided();
      if (result.articleId) navigate(`/articles/${result.articleId}`);
      else setProblem(`Not opened: ${result.reason ?? `the item is ${result.status}`}.`);
    } catch (err) {
      setProblem(errorText(err));
      props.onDecided();
      item.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="panel wire-preview" aria-labelledby="wire-preview-headline">
      <div className="wire-preview-top">
        <span className={`badge wire-badge-${row.status}`}>{statusLabels[row.status]}</span>
        <button type="button" className="button ghost small" onClick={props.onClose}>
          Close preview
        </button>
      </div>
      <h2 id="wire-preview-headline">{preview?.headline ?? row.headline}</h2>
      <dl className="wire-facts">
        <dt>Agency</dt>
        <dd>{preview?.agency ?? '—'}</dd>
        <dt>Urgency</dt>
        <dd>{row.urgency !== null ? `${row.urgency} (1 is most urgent)` : 'Not given'}</dd>
        {row.decisionReason ? (
          <>
            <dt>On arrival</dt>
            <dd className="wire-decision">{row.decisionReason}</dd>
          </>
        ) : null}
        <dt>Rights</dt>
        <dd>{preview?.rightsLine ?? 'No rights line: the source’s default applies.'}</dd>
        {preview?.usageTerms ? (
          <>
            <dt>Usage terms</dt>
            <dd>{preview.usageTerms}</dd>
          </>
        ) : null}
        <dt>Embargo</dt>
        <dd>{row.embargoAt ? when(row.embargoAt) : 'None'}</dd>
        <dt>Licence ends</dt>
        <dd>{row.licenceEndAt ? when(row.licenceEndAt) : 'Never'}</dd>
        {preview?.dateline ? (
          <>
            <dt>Dateline</dt>
            <dd>{preview.dateline}</dd>
          </>
        ) : null}
        {preview?.byline ? (
          <>
            <dt>Byline</dt>
            <dd>{preview.byline}</dd>
          </>
        ) : null}
        <dt>Format · file</dt>
        <dd className="wire-file">
          {preview?.format ?? 'unknown'} · {row.fileName}
          {row.hasOriginal ? (
            <>
              {' '}
              · <a href={wireApi.originalUrl(row.id)}>Download the original</a>
            </>
          ) : null}
        </dd>
      </dl>

      {row.status === 'queued' ? (
        <div className="row wire-actions">
          <button type="button" className="button primary" disabled={busy} onClick={() => decide('publish')}>
            Publish as is
          </button>
          <button type="button" className="button" disabled={busy} onClick={openInEditor}>
            Open in the editor
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => decide('ignore')}>
            Ignore
          </button>
        </div>
      ) : notUsable[row.status] ? (
        <p className="notice wire-why">
          {notUsable[row.status]}
          {row.refusalReason ? ` ${row.refusalReason}` : ''}
        </p>
      ) : null}
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {decision ? (
        <p className="notice" role="status">
          {decision.status === 'ignored'
            ? 'Ignored: the item left the queue.'
            : decision.status === 'scheduled'
              ? 'Scheduled: it publishes when its embargo ends. '
              : 'Published. '}
          {decision.articleId ? (
            <Link to={`/articles/${decision.articleId}`}>Open the article in the editor</Link>
          ) : null}
        </p>
      ) : row.articleId && !decision ? (
        <p className="notice">
          <Link to={`/articles/${row.articleId}`}>Open its article in the editor</Link>
        </p>
      ) : null}

      {preview?.summary ? <p className="wire-summary">{preview.summary}</p> : null}
      <div className="wire-body">
        {(preview?.body ?? []).map((block, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the body is read-only here, never reordered.
          <WireBlock key={i} block={block} />
        ))}
      </div>
      {preview && row.guid ? (
        <Versions versions={row.versions} currentId={row.id} when={when} open={props.open} />
      ) : null}
    </article>
  );
}

type BlockJson = NonNullable<WireItemJson['preview']>['body'][number];

function WireBlock({ block }: { block: BlockJson }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'subhead':
      return <h3>{block.text}</h3>;
    case 'quote':
      return <blockquote>{block.text}</blockquote>;
    case 'list':
      return block.ordered ? (
        <ol>
          {block.items.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ol>
      ) : (
        <ul>
          {block.items.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      );
    case 'embed':
      return <p className="muted">Embed: {block.title || block.url}</p>;
    default:
      return <p className="muted">An image.</p>;
  }
}

/**
 * Every version received of the item (updates, corrections, the kill), newest first, as the
 * item's own answer lists them (GET /wire/items/:id).
 */
function Versions(props: {
  versions: readonly WireItemRowJson[];
  currentId: number;
  when: (iso: string | null) => string;
  open: (id: number) => void;
}) {
  const versions = { data: props.versions };
  if (versions.data.length === 0) return null;
  const killedBy = versions.data.find(
    (v) => v.status === 'killed' && v.id !== props.currentId && v.pubStatus !== 'usable',
  );
  return (
    <section className="wire-versions" aria-labelledby="wire-versions-title">
      <h3 id="wire-versions-title">Versions received</h3>
      {killedBy ? (
        <p className="notice">
          The agency withdrew this item in version {killedBy.version ?? '?'}: it will not be published.
        </p>
      ) : null}
      <ol>
        {versions.data.map((v) => (
          <li key={v.id}>
            {v.id === props.currentId ? (
              <strong>Version {v.version ?? '?'} (this one)</strong>
            ) : (
              <button type="button" className="link-button" onClick={() => props.open(v.id)}>
                Version {v.version ?? '?'}
              </button>
            )}{' '}
            · {statusLabels[v.status]}
            {v.pubStatus && v.pubStatus !== 'usable' ? ` · ${v.pubStatus}` : ''} · received{' '}
            {props.when(v.receivedAt)}
          </li>
        ))}
      </ol>
    </section>
  );
}
