import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type ArticleQuery, api } from '../api.ts';
import { Field, Pager, StatusBadge } from '../components.tsx';
import { useSignedIn } from '../session.tsx';
import { formatInZone } from '../time.ts';
import type { ArticleStatus, SectionJson } from '../types.ts';
import { useLoad } from '../use-api.ts';

const statuses: ArticleStatus[] = ['draft', 'scheduled', 'published', 'unpublished'];

export function ArticleList() {
  const { site, siteId, sites, chooseSite } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const query: ArticleQuery = {
    site: siteId ?? undefined,
    status: (params.get('status') as ArticleStatus | null) ?? undefined,
    section: Number(params.get('section')) || undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page')) || undefined,
  };
  const sections = useLoad(() => (siteId ? api.sections(siteId) : Promise.resolve([])), [siteId]);
  const list = useLoad(() => api.articles(query), [JSON.stringify(query)]);
  const sectionName = (id: number) => sections.data?.find((s) => s.id === id)?.name ?? '';
  const [creating, setCreating] = useState(false);

  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };

  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const page = list.data?.page ?? 1;

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>Articles</h1>
          <p className="muted">{site ? site.name : 'All brands'}</p>
        </div>
        <button type="button" className="button primary" onClick={() => setCreating(true)}>
          New article
        </button>
      </header>

      <form
        className="filters"
        aria-label="Filter articles"
        onSubmit={(e) => {
          e.preventDefault();
          set('q', String(new FormData(e.currentTarget).get('q') ?? '').trim() || undefined);
        }}
      >
        <label className="filter">
          <span>Brand</span>
          <select value={siteId ?? ''} onChange={(e) => chooseSite(Number(e.target.value))}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Status</span>
          <select value={query.status ?? ''} onChange={(e) => set('status', e.target.value || undefined)}>
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Section</span>
          <select value={query.section ?? ''} onChange={(e) => set('section', e.target.value || undefined)}>
            <option value="">All sections</option>
            {(sections.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.parentId ? `— ${s.name}` : s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter grow">
          <span>Search headlines</span>
          <input
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
            key={query.q ?? ''}
            placeholder="Search…"
          />
        </label>
        <button className="button" type="submit">
          Search
        </button>
      </form>

      {list.error ? <p className="form-error">{list.error}</p> : null}
      <div className={list.loading ? 'table-wrap loading' : 'table-wrap'}>
        <table className="article-table">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Section</th>
              <th scope="col">Status</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.data ?? []).map((a) => (
              <tr key={a.id}>
                <td className="headline-cell">
                  <Link to={`/articles/${a.id}`}>{a.headline}</Link>
                  {a.status === 'scheduled' && a.publishedAt && site ? (
                    <span className="sub">For {formatInZone(a.publishedAt, site.timeZone, site.locale)}</span>
                  ) : a.publishedAt && site ? (
                    <span className="sub">
                      Published {formatInZone(a.publishedAt, site.timeZone, site.locale)}
                    </span>
                  ) : null}
                </td>
                <td data-label="Section">{sectionName(a.sectionId)}</td>
                <td data-label="Status">
                  <StatusBadge status={a.status} />
                </td>
                <td data-label="Last change" className="nowrap">
                  {site ? formatInZone(a.modifiedAt, site.timeZone, site.locale) : a.modifiedAt}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && list.data.data.length === 0 ? (
          <p className="empty-state">No articles match. Change the filters or write a new one.</p>
        ) : null}
      </div>
      {list.data ? (
        <Pager
          hasPrevious={page > 1}
          hasNext={page < pages}
          onPrevious={() => set('page', String(page - 1))}
          onNext={() => set('page', String(page + 1))}
        >
          Page {page} of {pages} · {list.data.total} articles
        </Pager>
      ) : null}
      {creating && siteId ? (
        <NewArticleDialog siteId={siteId} sections={sections.data ?? []} onClose={() => setCreating(false)} />
      ) : null}
    </section>
  );
}

function NewArticleDialog(props: { siteId: number; sections: readonly SectionJson[]; onClose: () => void }) {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const article = await api.createArticle({
        siteId: props.siteId,
        sectionId: Number(form.get('sectionId')),
        headline: String(form.get('headline') ?? ''),
      });
      navigate(`/articles/${article.id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(
          err.fields.length
            ? Object.fromEntries(err.fields.map((f) => [f.field, f.message]))
            : { form: err.message },
        );
      }
      setBusy(false);
    }
  }

  return (
    <div className="modal-backdrop">
      <dialog open ref={dialog} className="modal" aria-labelledby="new-article-title">
        <form onSubmit={submit}>
          <h2 id="new-article-title">New article</h2>
          {errors.form ? <p className="form-error">{errors.form}</p> : null}
          <Field id="new-headline" label="Headline" error={errors.headline}>
            <input id="new-headline" name="headline" required maxLength={300} autoFocus />
          </Field>
          <Field id="new-section" label="Section" error={errors.sectionId}>
            <select id="new-section" name="sectionId" required>
              {props.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.parentId ? `— ${s.name}` : s.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="modal-actions">
            <button type="button" className="button ghost" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              Create draft
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
