/**
 * What the editor has typed, kept in this browser until the server has it: a session that ends,
 * a network that drops or a tab that closes loses nothing. One entry per article.
 */
import type { ArticleFields } from '../types.ts';

export interface LocalDraft {
  /** The revision the typing started from: a newer one on the server means a conflict. */
  readonly baseRevision: number;
  readonly fields: ArticleFields;
  readonly at: string;
}

const key = (articleId: number) => `dateline.admin.draft.${articleId}`;

export const localDrafts = {
  read(articleId: number): LocalDraft | null {
    try {
      const raw = localStorage.getItem(key(articleId));
      return raw ? (JSON.parse(raw) as LocalDraft) : null;
    } catch {
      return null;
    }
  },
  write(articleId: number, draft: LocalDraft): void {
    try {
      localStorage.setItem(key(articleId), JSON.stringify(draft));
    } catch {
      // A full storage quota must not stop the editor; the server autosave still runs.
    }
  },
  clear(articleId: number): void {
    localStorage.removeItem(key(articleId));
  },
};

/** The fields that differ, for a PATCH. */
export function changedFields(before: ArticleFields, after: ArticleFields): Partial<ArticleFields> {
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[name as keyof ArticleFields])) changes[name] = value;
  }
  return changes as Partial<ArticleFields>;
}

/** A 422's field names, as the form's field ids: `body[3].src` → `body`, `featuredImage.src` → `featuredImage`. */
export function formField(apiField: string): string {
  return /^[A-Za-z]+/.exec(apiField)?.[0] ?? 'form';
}
