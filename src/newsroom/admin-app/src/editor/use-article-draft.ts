/**
 * The editing session of one article: the fields being typed, autosave (a debounced PATCH over
 * the revision the typing started from), the copy kept in this browser, conflicts (409) and
 * field errors (422). Published articles are not autosaved: their changes go live only when the
 * editor presses Update.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { type ArticleFields, type ArticleJson, fieldsOf } from '../types.ts';
import { changedFields, formField, localDrafts } from './drafts.ts';

export const AUTOSAVE_DELAY_MS = 1200;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'conflict' | 'offline';

export interface Conflict {
  readonly theirs: ArticleJson;
  readonly mine: ArticleFields;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useArticleDraft(loaded: ArticleJson) {
  const id = loaded.id;
  const [article, setArticle] = useState(loaded);
  const [fields, setFieldsState] = useState<ArticleFields>(() => fieldsOf(loaded));
  /** Bumped when the fields are replaced from outside (restore, conflict): the body editor resets. */
  const [version, setVersion] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [restoredLocal, setRestoredLocal] = useState(false);

  const articleRef = useRef(article);
  articleRef.current = article;
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  /** The fields the server is known to hold (loaded, or last saved). */
  const baseline = useRef<ArticleFields>(fieldsOf(loaded));
  const rejected = useRef<ArticleFields | null>(null);
  const saving = useRef<Promise<boolean> | null>(null);

  const replaceFields = useCallback((next: ArticleFields) => {
    fieldsRef.current = next;
    setFieldsState(next);
    setVersion((v) => v + 1);
  }, []);

  // A copy left in this browser (the session ended, the tab closed) comes back on opening.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the article loaded.
  useEffect(() => {
    const local = localDrafts.read(id);
    if (!local || same(local.fields, baseline.current)) {
      if (local) localDrafts.clear(id);
      return;
    }
    if (local.baseRevision === loaded.revision) {
      replaceFields(local.fields);
      setRestoredLocal(true);
    } else {
      setConflict({ theirs: loaded, mine: local.fields });
      setSaveState('conflict');
    }
  }, [id]);

  const setFields = useCallback(
    (update: Partial<ArticleFields>) => {
      const next = { ...fieldsRef.current, ...update };
      fieldsRef.current = next;
      setFieldsState(next);
      if (same(next, baseline.current)) localDrafts.clear(id);
      else
        localDrafts.write(id, {
          baseRevision: articleRef.current.revision,
          fields: next,
          at: new Date().toISOString(),
        });
    },
    [id],
  );

  /** Sends what changed since the baseline; true when the server has everything typed. */
  const save = useCallback(
    async (options: { announce?: boolean } = {}): Promise<boolean> => {
      if (saving.current) await saving.current;
      const attempt = (async () => {
        const sent = fieldsRef.current;
        const patch = changedFields(baseline.current, sent);
        if (Object.keys(patch).length === 0 && !options.announce) {
          localDrafts.clear(id);
          setSaveState('saved');
          return true;
        }
        setSaveState('saving');
        try {
          const saved = await api.editArticle(id, {
            expectedRevision: articleRef.current.revision,
            ...patch,
            ...(options.announce ? { announce: true } : {}),
          });
          baseline.current = sent;
          rejected.current = null;
          articleRef.current = saved;
          setArticle(saved);
          setErrors({});
          const upToDate = same(fieldsRef.current, sent);
          if (upToDate) localDrafts.clear(id);
          else
            localDrafts.write(id, {
              baseRevision: saved.revision,
              fields: fieldsRef.current,
              at: new Date().toISOString(),
            });
          setSaveState(upToDate ? 'saved' : 'unsaved');
          return upToDate;
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          if (err.status === 409) {
            const theirs = await api.article(id).catch(() => null);
            if (theirs) setConflict({ theirs, mine: fieldsRef.current });
            setSaveState('conflict');
          } else if (err.status === 422) {
            rejected.current = sent;
            setErrors(Object.fromEntries(err.fields.map((f) => [formField(f.field), f.message])));
            setSaveState('invalid');
          } else {
            // 401 (sign in again) or the network: the browser keeps the copy; nothing is lost.
            setSaveState('offline');
          }
          return false;
        }
      })();
      saving.current = attempt;
      try {
        return await attempt;
      } finally {
        if (saving.current === attempt) saving.current = null;
      }
    },
    [id],
  );

  // Autosave drafts, scheduled and unpublished articles, a moment after the typing stops.
  useEffect(() => {
    if (same(fields, baseline.current)) {
      // Typed back to what the server has: nothing to save, and nothing invalid left.
      setSaveState((s) => (s === 'conflict' || s === 'saving' ? s : 'saved'));
      setErrors({});
      return;
    }
    setSaveState((s) => (s === 'conflict' || s === 'saving' ? s : 'unsaved'));
    if (conflict || article.status === 'published') return;
    if (rejected.current && same(fields, rejected.current)) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [fields, conflict, article.status, save]);

  const resolveConflict = useCallback(
    async (choice: 'mine' | 'theirs') => {
      if (!conflict) return;
      const { theirs, mine } = conflict;
      articleRef.current = theirs;
      setArticle(theirs);
      baseline.current = fieldsOf(theirs);
      setConflict(null);
      if (choice === 'theirs') {
        replaceFields(fieldsOf(theirs));
        localDrafts.clear(id);
        setSaveState('saved');
      } else {
        replaceFields(mine);
        await save();
      }
    },
    [conflict, id, save, replaceFields],
  );

  /** After a transition (publish, schedule…): the server's article, keeping what is being typed. */
  const adopt = useCallback((next: ArticleJson) => {
    articleRef.current = next;
    setArticle(next);
  }, []);

  /** Puts an old revision's fields back and saves them as a new revision. */
  const restore = useCallback(
    async (old: ArticleFields) => {
      replaceFields(old);
      return save();
    },
    [save, replaceFields],
  );

  const dirty = !same(fields, baseline.current);
  return {
    article,
    fields,
    setFields,
    version,
    saveState,
    dirty,
    errors,
    conflict,
    resolveConflict,
    save,
    adopt,
    restore,
    restoredLocal,
  };
}
