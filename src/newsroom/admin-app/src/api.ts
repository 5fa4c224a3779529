/**
 * The typed client of the admin API. It keeps the CSRF token of the session, sends it on every
 * state-changing request, and turns every error answer into an ApiError with the API's
 * `{error, message, fields}`. A 401 (the session ended) calls the handler the app installs,
 * which sends the user to sign in and back.
 */
import type {
  AgencyJson,
  ArticleFields,
  ArticleJson,
  ArticleStatus,
  ArticleSummaryJson,
  AuthorJson,
  ListJson,
  LiveChannelJson,
  ProgrammeInputJson,
  ProgrammeJson,
  RevisionJson,
  SectionJson,
  SessionJson,
  SiteJson,
  StaffUserJson,
  TagJson,
} from './types.ts';

export const API = '/api/admin/v1';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Your work is kept in this browser.');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as {
    error?: string;
    message?: string;
    fields?: FieldError[];
  } | null;
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      data?.error ?? 'HTTP_ERROR',
      data?.message ?? `The server answered ${response.status}.`,
      data?.fields ?? [],
    );
    if (response.status === 401 && path !== '/session') onUnauthenticated();
    throw error;
  }
  return data as T;
}

export interface ArticleQuery {
  site?: number;
  status?: ArticleStatus;
  section?: number;
  q?: string;
  page?: number;
}

const query = (params: object) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};

export type ArticlePatch = Partial<ArticleFields> & { expectedRevision: number; announce?: boolean };

export interface UploadedMedia {
  readonly id: number;
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly sizes: unknown;
}

export interface UploadInput {
  readonly file: File;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly site?: number;
}

export interface CreatedUserJson {
  readonly data: StaffUserJson;
  /** Set when no password was given: shown once, only its hash is kept. */
  readonly generatedPassword?: string;
}

export const api = {
  session: () => request<SessionJson>('GET', '/session'),
  signIn: (email: string, password: string) => request<SessionJson>('POST', '/session', { email, password }),
  signOut: () => request<void>('DELETE', '/session'),
  sites: () => request<{ data: SiteJson[] }>('GET', '/sites').then((r) => r.data),
  sections: (siteId: number) =>
    request<{ data: SectionJson[] }>('GET', `/sites/${siteId}/sections`).then((r) => r.data),
  tags: (siteId: number) => request<{ data: TagJson[] }>('GET', `/sites/${siteId}/tags`).then((r) => r.data),
  /** POST /sites/:id/tags: 201 with a new tag, 200 with the existing one of that name. */
  createTag: (siteId: number, name: string) =>
    request<{ data: TagJson; created: boolean }>('POST', `/sites/${siteId}/tags`, { name }).then(
      (r) => r.data,
    ),
  authors: (siteId: number) =>
    request<{ data: AuthorJson[] }>('GET', `/sites/${siteId}/authors`).then((r) => r.data),
  agencies: (siteId: number) =>
    request<{ data: AgencyJson[] }>('GET', `/sites/${siteId}/agencies`).then((r) => r.data),
  articles: (q: ArticleQuery) => request<ListJson<ArticleSummaryJson>>('GET', `/articles${query(q)}`),
  article: (id: number) => request<ArticleJson & { revisionCount: number }>('GET', `/articles/${id}`),
  createArticle: (input: { siteId: number; sectionId: number; headline: string }) =>
    request<ArticleJson>('POST', '/articles', input),
  editArticle: (id: number, patch: ArticlePatch) => request<ArticleJson>('PATCH', `/articles/${id}`, patch),
  publish: (id: number) => request<ArticleJson>('POST', `/articles/${id}/publish`),
  unpublish: (id: number) => request<ArticleJson>('POST', `/articles/${id}/unpublish`),
  schedule: (id: number, at: string) => request<ArticleJson>('POST', `/articles/${id}/schedule`, { at }),
  revisions: (id: number) =>
    request<{ data: RevisionJson[] }>('GET', `/articles/${id}/revisions`).then((r) => r.data),
  previewUrl: (id: number) => `${API}/articles/${id}/preview`,
  // Home-page curation, taxonomy and user management.
  home: (siteId: number) =>
    request<{ data: { articleIds: number[] } }>('GET', `/sites/${siteId}/home`).then(
      (r) => r.data.articleIds,
    ),
  saveHome: (siteId: number, articleIds: readonly number[]) =>
    request<{ data: { articleIds: number[] } }>('PUT', `/sites/${siteId}/home`, { articleIds }).then(
      (r) => r.data.articleIds,
    ),
  createSection: (siteId: number, input: { name: string; slug?: string; parentId?: number | null }) =>
    request<{ data: SectionJson }>('POST', `/sites/${siteId}/sections`, input).then((r) => r.data),
  editSection: (id: number, changes: { name?: string; slug?: string; description?: string }) =>
    request<{ data: SectionJson }>('PATCH', `/sections/${id}`, changes).then((r) => r.data),
  editTag: (id: number, changes: { name?: string; slug?: string }) =>
    request<{ data: TagJson }>('PATCH', `/tags/${id}`, changes).then((r) => r.data),
  mergeTag: (id: number, intoTagId: number) =>
    request<{ data: { tag: TagJson; movedArticleIds: number[] } }>('POST', `/tags/${id}/merge`, {
      intoTagId,
    }).then((r) => r.data),
  users: () => request<{ data: StaffUserJson[] }>('GET', '/users').then((r) => r.data),
  createUser: (input: { email: string; name?: string; role: string; password?: string }) =>
    request<CreatedUserJson>('POST', '/users', input),
  editUser: (id: number, changes: { role?: string; name?: string; disabled?: boolean }) =>
    request<{ data: StaffUserJson }>('PATCH', `/users/${id}`, changes).then((r) => r.data),
  addCorrection: (id: number, text: string) =>
    request<{ data: { id: number; text: string }; article: ArticleJson }>(
      'POST',
      `/articles/${id}/corrections`,
      { text },
    ).then((r) => r.article),
  requestPasswordReset: (email: string) =>
    request<{ data: { message: string } }>('POST', '/password-reset', { email }).then((r) => r.data.message),
  confirmPasswordReset: (token: string, password: string) =>
    request<{ data: { message: string } }>('POST', '/password-reset/confirm', { token, password }).then(
      (r) => r.data.message,
    ),
  // Live TV: the brand's channel and programme schedule (permission live.manage).
  liveChannel: (siteId: number) => request<LiveChannelJson>('GET', `/live/sites/${siteId}/channel`),
  saveLiveChannel: (siteId: number, channel: LiveChannelJson) =>
    request<LiveChannelJson>('PUT', `/live/sites/${siteId}/channel`, channel),
  programmes: (siteId: number, range: { from?: string; to?: string } = {}) =>
    request<{ data: ProgrammeJson[] }>('GET', `/live/sites/${siteId}/programmes${query(range)}`).then(
      (r) => r.data,
    ),
  createProgramme: (siteId: number, input: ProgrammeInputJson) =>
    request<ProgrammeJson>('POST', `/live/sites/${siteId}/programmes`, input),
  editProgramme: (id: number, changes: Partial<ProgrammeInputJson>) =>
    request<ProgrammeJson>('PATCH', `/live/programmes/${id}`, changes),
  deleteProgramme: (id: number) => request<void>('DELETE', `/live/programmes/${id}`),
  /** Multipart upload to the media library (POST /media): the alt text is required. */
  async upload(input: UploadInput): Promise<UploadedMedia> {
    const form = new FormData();
    form.append('alt', input.alt);
    if (input.caption) form.append('caption', input.caption);
    if (input.credit) form.append('credit', input.credit);
    if (input.site !== undefined) form.append('site', String(input.site));
    form.append('file', input.file);
    const response = await fetch(`${API}/media`, {
      method: 'POST',
      body: form,
      headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
      credentials: 'same-origin',
    });
    const data = (await response.json().catch(() => null)) as {
      data?: UploadedMedia;
      error?: string;
      message?: string;
      fields?: FieldError[];
    } | null;
    if (!response.ok || !data?.data) {
      if (response.status === 401) onUnauthenticated();
      const fields = data?.fields ?? [];
      throw new ApiError(
        response.status,
        data?.error ?? 'HTTP_ERROR',
        fields.length
          ? fields.map((f) => `${f.field === 'alt' ? 'Alt text' : f.field} ${f.message}.`).join(' ')
          : (data?.message ?? `The upload failed (${response.status}).`),
        fields,
      );
    }
    return data.data;
  },
};
