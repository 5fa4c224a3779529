/** Sections, subsections and tags of the chosen brand: add, rename, and merge a tag into another. */
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { useSignedIn } from '../session.tsx';
import type { SectionJson, TagJson } from '../types.ts';
import { useLoad } from '../use-api.ts';
import { errorText } from './not-yet.tsx';

export function TaxonomyPage() {
  const { site, siteId } = useSignedIn();
  const sections = useLoad(() => (siteId ? api.sections(siteId) : Promise.resolve([])), [siteId]);
  const tags = useLoad(() => (siteId ? api.tags(siteId) : Promise.resolve([])), [siteId]);
  const [message, setMessage] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>, done: string, reload: () => void) => {
    try {
      await work();
      setMessage(done);
      reload();
      return true;
    } catch (err) {
      setMessage(errorText(err));
      return false;
    }
  };

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>Sections &amp; tags</h1>
          <p className="muted">{site?.name}</p>
        </div>
      </header>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      <div className="curation">
        <div className="panel">
          <h2>Sections</h2>
          <ul className="pick-list">
            {inTreeOrder(sections.data ?? []).map((s) => (
              <li key={s.id} className={s.parentId ? 'child' : ''}>
                <Rename
                  label={`Rename section ${s.name}`}
                  value={s.name}
                  hint={`/${s.path}`}
                  onSave={(name) =>
                    act(() => api.editSection(s.id, { name }), `Renamed to ${name}.`, sections.reload)
                  }
                />
              </li>
            ))}
          </ul>
          <NewSection
            sections={sections.data ?? []}
            onCreate={(input) =>
              act(() => api.createSection(siteId!, input), `Added ${input.name}.`, sections.reload)
            }
          />
        </div>
        <div className="panel">
          <h2>Tags</h2>
          <ul className="pick-list">
            {(tags.data ?? []).map((t) => (
              <li key={t.id} className="tag-row">
                <Rename
                  label={`Rename tag ${t.name}`}
                  value={t.name}
                  hint={`/tag/${t.slug}`}
                  onSave={(name) =>
                    act(() => api.editTag(t.id, { name }), `Renamed to ${name}.`, tags.reload)
                  }
                />
                <Merge
                  tag={t}
                  tags={tags.data ?? []}
                  onMerge={(into) =>
                    act(
                      () => api.mergeTag(t.id, into.id),
                      `Merged ${t.name} into ${into.name}; /tag/${t.slug} now redirects.`,
                      tags.reload,
                    )
                  }
                />
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function Rename(props: {
  label: string;
  value: string;
  hint: string;
  onSave: (name: string) => Promise<boolean>;
}) {
  const [name, setName] = useState(props.value);
  return (
    <form
      className="row grow-row"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSave(name.trim());
      }}
    >
      <input aria-label={props.label} value={name} onChange={(e) => setName(e.target.value)} />
      <span className="muted nowrap">{props.hint}</span>
      <button type="submit" className="button small" disabled={name.trim() === props.value || !name.trim()}>
        Rename
      </button>
    </form>
  );
}

function Merge(props: {
  tag: TagJson;
  tags: readonly TagJson[];
  onMerge: (into: TagJson) => Promise<boolean>;
}) {
  const [into, setInto] = useState('');
  const target = props.tags.find((t) => t.id === Number(into));
  return (
    <div className="row">
      <select
        aria-label={`Merge ${props.tag.name} into`}
        value={into}
        onChange={(e) => setInto(e.target.value)}
      >
        <option value="">Merge into…</option>
        {props.tags
          .filter((t) => t.id !== props.tag.id)
          .map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
      </select>
      <button
        type="button"
        className="button small danger"
        disabled={!target}
        onClick={() => {
          if (
            target &&
            window.confirm(`Merge “${props.tag.name}” into “${target.name}”? Its articles move over.`)
          ) {
            void props.onMerge(target);
          }
        }}
      >
        Merge
      </button>
    </div>
  );
}

function NewSection(props: {
  sections: readonly SectionJson[];
  onCreate: (input: { name: string; parentId: number | null }) => Promise<boolean>;
}) {
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const ok = await props.onCreate({
      name: String(data.get('name')).trim(),
      parentId: Number(data.get('parentId')) || null,
    });
    if (ok) form.reset();
  };
  return (
    <form className="row new-row" onSubmit={submit}>
      <input name="name" aria-label="New section name" placeholder="New section" required />
      <select name="parentId" aria-label="Parent section">
        <option value="">Top level</option>
        {props.sections
          .filter((s) => s.parentId === null)
          .map((s) => (
            <option key={s.id} value={s.id}>
              Under {s.name}
            </option>
          ))}
      </select>
      <button type="submit" className="button small primary">
        Add
      </button>
    </form>
  );
}

/** Top-level sections in order, each followed by its subsections. */
function inTreeOrder(sections: readonly SectionJson[]): SectionJson[] {
  const top = sections.filter((s) => s.parentId === null);
  return top.flatMap((parent) => [parent, ...sections.filter((s) => s.parentId === parent.id)]);
}
