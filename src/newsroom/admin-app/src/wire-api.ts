/**
 * The wire desk's part of the admin API client: sources, a source's items by status, one item's
 * preview, publish as is, open in the editor (a draft) and ignore, and a source's publish rules. The shapes are the wire admin routes'
 * (src/wire/http/admin-routes.ts), with dates as ISO strings.
 */
import type {
  PublishRule,
  StoredWireItem,
  WireItem,
  WireItemStatus,
  WireSource,
} from '../../../wire/index.ts';
import { request } from './api.ts';
import type { Json } from './types.ts';

export type WireSourceJson = Json<WireSource>;
export type WireItemRowJson = Json<StoredWireItem>;
export type WireItemJson = WireItemRowJson & {
  readonly preview: Json<WireItem> | null;
  readonly hasOriginal: boolean;
  /** Every version received of the item's guid, newest first (itself included). */
  readonly versions: WireItemRowJson[];
};

/** The desk's filters over a source's items. */
export interface WireFilters {
  readonly status: WireItemStatus;
  readonly urgency?: number | null;
  readonly agency?: string | null;
}
export type { WireItemStatus };

export interface WirePageJson {
  readonly data: WireItemRowJson[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface WireDecisionJson {
  readonly status: string;
  readonly articleId: number | null;
  readonly reason: string | null;
}

/** Every status the API lists by, in the desk's order of use. */
export const wireStatuses: readonly WireItemStatus[] = [
  'queued',
  'drafted',
  'published',
  'scheduled',
  'refused',
  'killed',
  'superseded',
  'expired',
  'ignored',
];

export type { PublishRule };

export const wireApi = {
  sources: (siteId: number) =>
    request<{ data: WireSourceJson[] }>('GET', `/wire/sources?site=${siteId}`).then((r) => r.data),
  items: (sourceId: number, filters: WireFilters, page = 1) => {
    const query = new URLSearchParams({ status: filters.status, page: String(page) });
    if (filters.urgency) query.set('urgency', String(filters.urgency));
    if (filters.agency) query.set('agency', filters.agency);
    return request<WirePageJson>('GET', `/wire/sources/${sourceId}/items?${query}`);
  },
  agencies: (sourceId: number) =>
    request<{ data: { name: string; items: number }[] }>('GET', `/wire/sources/${sourceId}/agencies`).then(
      (r) => r.data,
    ),
  item: (id: number) => request<WireItemJson>('GET', `/wire/items/${id}`),
  publish: (id: number) => request<WireDecisionJson>('POST', `/wire/items/${id}/publish`),
  ignore: (id: number) => request<WireDecisionJson>('POST', `/wire/items/${id}/ignore`),
  /** "Open in the editor": the queued item becomes a draft article. */
  draft: (id: number) => request<WireDecisionJson>('POST', `/wire/items/${id}/draft`),
  /** Saves a source's arrival setting and publish rules (wire.configure). */
  saveRules: (sourceId: number, changes: { autoPublish: boolean; publishRules: readonly PublishRule[] }) =>
    request<WireSourceJson>('PATCH', `/wire/sources/${sourceId}`, changes),
  originalUrl: (id: number) => `/api/admin/v1/wire/items/${id}/original`,
};
