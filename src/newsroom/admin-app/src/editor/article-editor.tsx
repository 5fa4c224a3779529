/** The article editor screen (its own chunk: Tiptap loads only here). */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { Field } from '../components.tsx';
import { useSignedIn } from '../session.tsx';
import type { AgencyJson, ArticleJson, AuthorJson, SectionJson, SiteJson, TagJson } from '../types.ts';
import { useLoad } from '../use-api.ts';
import { BodyEditor } from './body-editor.tsx';
import { ChipPicker } from './chip-picker.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
import { FeaturedImageField } from './featured-image.tsx';
import { PublishPanel } from './publish-panel.tsx';
import { RevisionsPanel } from './revisions-panel.tsx';
import { type SaveState, useArticleDraft } from './use-article-draft.ts';

interface EditorData {
  article: ArticleJson;
  sections: SectionJson[];
  tags: TagJson[];
  authors: AuthorJson[];
  agencies: AgencyJson[];
}

export function ArticleEditor() {
  const id = Number(useParams().id);
  const { sites } = useSignedIn();
  const data = useLoad<EditorData>(async () => {
    const article = await api.article(id);
    const [sections, tags, authors, agencies] = await Promise.all([
      api.sections(article.siteId),
      api.tags(article.siteId),
      api.authors(article.siteId),
      api.agencies(article.siteId),
    ]);
    return { article, sections, tags, authors, agencies };
  }, [id]);
  if (data.error) {
    return (
      <section className="page">
        <p className="form-error">{data.error}</p>
        <Link to="/articles">Back to articles</Link>
      </section>
    );
  }
  if (!data.data) return <div className="loading-screen">Opening the article…</div>;
  const site = sites.find((s) => s.id === data.data!.article.siteId)!;
  return <EditorScreen key={id} data={data.data} site={site} />;
}

const saveLabels: Record<SaveState, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  invalid: 'Not saved: fix the fields marked below',
  conflict: 'Not saved: someone else changed this article',
  offline: 'Not saved yet: kept in this browser',
};

function EditorScreen({ data, site }: { data: EditorData; site: SiteJson }) {
  const { user } = useSignedIn();
  const draft = useArticleDraft(data.article);
  const { article, fields, setFields, errors } = draft;
  const [tags, setTags] = useState(data.tags);
  const [keywords, setKeywords] = useState(fields.keywords.join(', '));
  const status = draft.saveState;
  const published = article.status === 'published';

  const sectionName = (sid: number) => data.sections.find((s) => s.id === sid)?.name ?? `#${sid}`;
  const tagName = (tid: number) => tags.find((t) => t.id === tid)?.name ?? `#${tid}`;

  const preview = async () => {
    // Opened at once (a popup after an await is blocked), pointed at the preview once saved.
    const tab = window.open('', '_blank');
    const ok = await draft.save();
    if (tab) {
      if (ok) tab.location.href = api.previewUrl(article.id);
      else tab.close();
    }
  };

  return (
    <section className="page editor-page">
      <h1 className="visually-hidden">Edit article: {fields.headline || 'no headline yet'}</h1>
      <div className="editor-bar">
        <Link className="back" to="/articles">
          ← Articles
        </Link>
        <span
          className={status === 'invalid' || status === 'conflict' ? 'save-state error' : 'save-state'}
          role="status"
          data-testid="save-state"
        >
          {published && status === 'unsaved' ? 'Changes not live yet: press Update' : saveLabels[status]}
          {draft.restoredLocal && status !== 'saved' ? ' · restored what you typed before' : ''}
        </span>
        <button type="button" className="button" onClick={() => void preview()}>
          Preview
        </button>
        {!published ? (
          <button
            type="button"
            className="button"
            disabled={status === 'saving' || !draft.dirty}
            onClick={() => void draft.save()}
          >
            Save now
          </button>
        ) : null}
      </div>
      <div className="editor-grid">
        <div className="editor-main article-fields">
          {errors.form ? <p className="form-error">{errors.form}</p> : null}
          <Field id="headline" label="Headline" error={errors.headline}>
            <textarea
              id="headline"
              className="headline-input"
              rows={2}
              placeholder="Headline"
              aria-describedby={errors.headline ? 'headline-error' : undefined}
              value={fields.headline}
              maxLength={300}
              onChange={(e) => setFields({ headline: e.target.value.replace(/\n/g, ' ') })}
              aria-invalid={Boolean(errors.headline)}
            />
          </Field>
          <Field id="summary" label="Summary" error={errors.summary}>
            <textarea
              id="summary"
              className="summary-input"
              rows={2}
              value={fields.summary}
              onChange={(e) => setFields({ summary: e.target.value })}
              aria-invalid={Boolean(errors.summary)}
            />
          </Field>
          <div className={errors.body ? 'field has-error' : 'field'}>
            <span className="field-label">Body</span>
            <BodyEditor
              initial={fields.body}
              version={draft.version}
              onChange={(body) => setFields({ body })}
              invalid={Boolean(errors.body)}
            />
            {errors.body ? (
              <p className="field-error" role="alert">
                {errors.body}
              </p>
            ) : null}
          </div>
        </div>
        <aside className="editor-side">
          <PublishPanel
            key={`${article.status}-${article.publishedAt}`}
            article={article}
            site={site}
            now={new Date()}
            dirty={draft.dirty}
            save={draft.save}
            adopt={draft.adopt}
          />
          <section className="panel" aria-labelledby="details-title">
            <h2 id="details-title">Details</h2>
            <Field id="section" label="Section" error={errors.sectionId}>
              <select
                id="section"
                value={fields.sectionId}
                onChange={(e) => setFields({ sectionId: Number(e.target.value) })}
              >
                {data.sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.parentId ? `— ${s.name}` : s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="tags" label="Tags" error={errors.tagIds} hint="The first tag is the most important.">
              <ChipPicker
                id="tags"
                choices={tags}
                value={fields.tagIds}
                onChange={(tagIds) => setFields({ tagIds })}
                placeholder="Add a tag…"
                onCreate={async (name) => {
                  const tag = await api.createTag(site.id, name);
                  setTags((list) => (list.some((t) => t.id === tag.id) ? list : [...list, tag]));
                  return tag;
                }}
              />
            </Field>
            <Field id="authors" label="Authors" error={errors.authorIds}>
              <ChipPicker
                id="authors"
                choices={data.authors}
                value={fields.authorIds}
                onChange={(authorIds) => setFields({ authorIds })}
                placeholder="Add an author…"
              />
            </Field>
            <Field
              id="agency"
              label="Wire agency"
              error={errors.agencyId}
              hint="For syndicated copy; shown when there is no author."
            >
              <select
                id="agency"
                value={fields.agencyId ?? ''}
                onChange={(e) => {
                  const agency = data.agencies.find((a) => a.id === Number(e.target.value));
                  setFields({
                    agencyId: agency?.id ?? null,
                    rightsLine:
                      agency && !fields.rightsLine
                        ? `© ${new Date().getFullYear()} ${agency.name}. All rights reserved.`
                        : fields.rightsLine,
                  });
                }}
              >
                <option value="">None (staff copy)</option>
                {data.agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="rights" label="Rights line" error={errors.rightsLine}>
              <input
                id="rights"
                value={fields.rightsLine ?? ''}
                placeholder="© 2025 Agency. All rights reserved."
                onChange={(e) => setFields({ rightsLine: e.target.value === '' ? null : e.target.value })}
              />
            </Field>
            <Field
              id="byline-text"
              label="Byline"
              error={errors.bylineText}
              hint="As the copy gives it (wire stories); shown when there is no author."
            >
              <input
                id="byline-text"
                value={fields.bylineText ?? ''}
                placeholder="By Jane Doe"
                onChange={(e) => setFields({ bylineText: e.target.value === '' ? null : e.target.value })}
              />
            </Field>
            <Field
              id="dateline-place"
              label="Dateline place"
              error={errors.datelinePlace}
              hint="Where it was filed from; leads the body as “LONDON (Agency) —”."
            >
              <input
                id="dateline-place"
                value={fields.datelinePlace ?? ''}
                placeholder="London"
                onChange={(e) => setFields({ datelinePlace: e.target.value === '' ? null : e.target.value })}
              />
            </Field>
            <Field
              id="keywords"
              label="Keywords"
              error={errors.keywords}
              hint="Separated by commas; for search engines."
            >
              <input
                id="keywords"
                value={keywords}
                onChange={(e) => {
                  setKeywords(e.target.value);
                  setFields({
                    keywords: e.target.value
                      .split(',')
                      .map((k) => k.trim())
                      .filter(Boolean),
                  });
                }}
              />
            </Field>
            <FeaturedImageField
              siteId={site.id}
              value={fields.featuredImage}
              onChange={(featuredImage) => setFields({ featuredImage })}
              error={errors.featuredImage}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={fields.commentsEnabled}
                onChange={(e) => setFields({ commentsEnabled: e.target.checked })}
              />
              Readers may comment
            </label>
          </section>
          <RevisionsPanel
            articleId={article.id}
            revision={article.revision}
            site={site}
            current={fields}
            names={{ section: sectionName, tag: tagName }}
            userId={user.id}
            onRestore={draft.restore}
          />
        </aside>
      </div>
      {draft.conflict ? (
        <ConflictDialog conflict={draft.conflict} onChoose={(c) => void draft.resolveConflict(c)} />
      ) : null}
    </section>
  );
}
