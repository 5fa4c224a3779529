/**
 * The newsletter's part of the admin API client: editions (assemble, edit, preview, send,
 * cancel, progress), send settings, and the subscriber list. The shapes are the newsletter's
 * admin routes' (src/newsletter/admin-routes.ts), with dates as ISO strings.
 */
import type { Edition, EditionCounts, NewsletterSettings } from '../../../newsletter/index.ts';
import { API, ApiError, request } from './api.ts';
import type { Json } from './types.ts';

export type EditionCountsJson = EditionCounts;

export type EditionJson = Json<Edition> & {
  readonly counts: EditionCountsJson;
};

export type EditionDetailJson = EditionJson & {
  readonly bounces: { readonly hard: number; readonly soft: number };
  readonly unsubscribes: number;
  /** Confirmed, unsuppressed subscribers of the brand's list now. */
  readonly audience: number;
};

export interface SubscriberJson {
  readonly id: number;
  readonly email: string;
  readonly zip: string | null;
  readonly place: {
    readonly state: string | null;
    readonly county: string | null;
    readonly city: string | null;
  };
  readonly suppressed: { readonly at: string; readonly reason: string | null } | null;
  readonly createdAt: string;
  readonly lists: readonly { readonly siteId: number; readonly status: string }[];
  readonly bounces: { readonly hard: number; readonly soft: number };
}

export interface SubscriberPlaceJson {
  readonly state: string;
  readonly county: string | null;
  readonly city: string | null;
  readonly subscribers: number;
}

export interface SubscriberQuery {
  q?: string;
  siteId?: number;
  status?: 'pending' | 'confirmed' | 'unsubscribed';
  suppressed?: boolean;
  zip?: string;
  state?: string;
  county?: string;
  city?: string;
  after?: number;
  limit?: number;
}

const query = (params: object) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};

export const newsletterApi = {
  editions: (siteId: number) =>
    request<{ data: EditionJson[] }>('GET', `/newsletter/editions${query({ siteId })}`).then((r) => r.data),
  edition: (id: number) => request<EditionDetailJson>('GET', `/newsletter/editions/${id}`),
  assemble: (siteId: number, date?: string) =>
    request<EditionDetailJson>('POST', '/newsletter/editions', { siteId, ...(date ? { date } : {}) }),
  editEdition: (id: number, patch: { subject?: string; intro?: string; articleIds?: readonly number[] }) =>
    request<EditionDetailJson>('PATCH', `/newsletter/editions/${id}`, patch),
  send: (id: number, at?: string) =>
    request<EditionDetailJson>('POST', `/newsletter/editions/${id}/send`, at ? { at } : {}),
  cancel: (id: number) => request<EditionDetailJson>('POST', `/newsletter/editions/${id}/cancel`),
  previewUrl: (id: number, options: { zip?: string; format?: 'html' | 'text' } = {}) =>
    `${API}/newsletter/editions/${id}/preview${query(options)}`,
  /** The preview's text, or the API's refusal (a ZIP that does not exist) as an ApiError. */
  async preview(id: number, options: { zip?: string; format?: 'html' | 'text' } = {}): Promise<string> {
    const response = await fetch(newsletterApi.previewUrl(id, options), { credentials: 'same-origin' });
    const body = await response.text();
    if (!response.ok) {
      let data: { error?: string; message?: string } = {};
      try {
        data = JSON.parse(body);
      } catch {}
      throw new ApiError(response.status, data.error ?? 'HTTP_ERROR', data.message ?? 'The preview failed.');
    }
    return body;
  },
  settings: (siteId: number) => request<NewsletterSettings>('GET', `/newsletter/settings/${siteId}`),
  saveSettings: (siteId: number, settings: NewsletterSettings) =>
    request<NewsletterSettings>('PUT', `/newsletter/settings/${siteId}`, settings),
  subscribers: (q: SubscriberQuery) =>
    request<{ data: SubscriberJson[]; next: number | null; total: number }>('GET', `/subscribers${query(q)}`),
  places: (siteId?: number) =>
    request<{ data: SubscriberPlaceJson[] }>('GET', `/subscribers/places${query({ siteId })}`).then(
      (r) => r.data,
    ),
  exportUrl: (q: SubscriberQuery) => {
    const { after: _a, limit: _l, ...filter } = q;
    return `${API}/subscribers/export.csv${query(filter)}`;
  },
  deleteSubscriber: (id: number) => request<void>('DELETE', `/subscribers/${id}`),
};
