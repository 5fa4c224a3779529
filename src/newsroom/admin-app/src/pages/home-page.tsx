/** Home-page curation: pick the top stories of the chosen brand's home page and put them in order. */
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { StatusBadge } from '../components.tsx';
import { useSignedIn } from '../session.tsx';
import type { ArticleSummaryJson } from '../types.ts';
import { useLoad } from '../use-api.ts';
import { errorText } from './not-yet.tsx';

type HomePick = Pick<ArticleSummaryJson, 'id' | 'headline' | 'status'>;

export function HomePage() {
  const { site, siteId } = useSignedIn();
  const [picks, setPicks] = useState<HomePick[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [q, setQ] = useState('');
  const candidates = useLoad(
    () =>
      siteId ? api.articles({ site: siteId, status: 'published', q: q || undefined }) : Promise.resolve(null),
    [siteId, q],
  );

  useEffect(() => {
    if (!siteId) return;
    setPicks(null);
    setDirty(false);
    api
      .home(siteId)
      .then(async (ids) => setPicks(await Promise.all(ids.map((id) => api.article(id)))))
      .catch((err) => setMessage(errorText(err)));
  }, [siteId]);

  const change = (next: HomePick[]) => {
    setPicks(next);
    setDirty(true);
    setMessage(null);
  };
  const move = (index: number, by: number) => {
    if (!picks) return;
    const next = [...picks];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    change(next);
  };

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>Home page</h1>
          <p className="muted">Top stories of {site?.name}, in the order readers see them.</p>
        </div>
        <button
          type="button"
          className="button primary"
          disabled={!dirty || !picks}
          onClick={async () => {
            try {
              const saved = await api.saveHome(
                siteId!,
                picks!.map((p) => p.id),
              );
              setPicks(saved.map((id) => picks!.find((p) => p.id === id)!).filter(Boolean));
              setDirty(false);
              setMessage('The home page is updated.');
            } catch (err) {
              setMessage(errorText(err));
            }
          }}
        >
          Save order
        </button>
      </header>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {picks ? (
        <div className="curation">
          <div className="panel">
            <h2>Top stories</h2>
            {picks.length === 0 ? <p className="muted">None picked: the newest stories lead.</p> : null}
            <ol className="pick-list">
              {picks.map((p, i) => (
                <li key={p.id}>
                  <span className="pick-rank">{i + 1}</span>
                  <span className="pick-headline">{p.headline}</span>
                  <StatusBadge status={p.status} />
                  <span className="row">
                    <button
                      type="button"
                      className="button small"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={`Move “${p.headline}” up`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button small"
                      disabled={i === picks.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`Move “${p.headline}” down`}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button small danger"
                      onClick={() => change(picks.filter((x) => x.id !== p.id))}
                      aria-label={`Remove “${p.headline}”`}
                    >
                      Remove
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          </div>
          <div className="panel">
            <h2>Published stories</h2>
            <input
              type="search"
              placeholder="Search headlines…"
              aria-label="Search published stories"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <ul className="pick-list candidates">
              {(candidates.data?.data ?? [])
                .filter((a) => !picks.some((p) => p.id === a.id))
                .map((a) => (
                  <li key={a.id}>
                    <span className="pick-headline">{a.headline}</span>
                    <button type="button" className="button small" onClick={() => change([...picks, a])}>
                      Add
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        </div>
      ) : null}
    </section>
  );
}
