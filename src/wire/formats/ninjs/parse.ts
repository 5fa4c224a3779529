/**
 * ninjs (IPTC News in JSON) 1.x to 3.x: finds the items in a JSON document (one item, a list,
 * or a search-result envelope as Superdesk's BBC feed sends) and recognises what is JSON but
 * not ninjs (JSON Schemas, dpa digitalwires).
 */
import { type Refusal, refusal } from '../../wire-item.ts';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a property whatever its case (1.x `versioncreated`, 3.x `versionCreated`). */
export function prop(object: JsonObject, name: string): unknown {
  if (name in object) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

const ninjsKeys = [
  'uri',
  'guid',
  'headline',
  'headlines',
  'headline_main',
  'title',
  'body_html',
  'body_text',
  'bodies',
  'descriptions',
  'eventdetails',
  'versioncreated',
  'type',
];

/** Whether a parsed JSON value looks like ninjs (an item, a list of items, or an envelope of them). */
export function looksLikeNinjs(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(looksLikeNinjs);
  if (!isObject(value)) return false;
  const envelope = prop(value, 'item') ?? prop(value, 'items');
  if (Array.isArray(envelope)) return envelope.some(looksLikeNinjs);
  return (
    ninjsKeys.filter((k) => prop(value, k) !== undefined).length >= 2 ||
    isObject(prop(value, 'standard')) ||
    isObject(prop(value, '$standard'))
  );
}

/** Each ninjs item of a document, or why the document holds none. */
export function parseNinjs(value: unknown): Array<JsonObject | Refusal> {
  if (isObject(value)) {
    if (
      typeof value.$schema === 'string' &&
      (isObject(value.properties) || isObject(value.definitions) || isObject(value.$defs))
    ) {
      return [refusal('not_a_news_item', 'The document is a JSON Schema, not a wire item.')];
    }
    if (typeof value.format === 'string' && value.format.startsWith('digitalwires')) {
      return [
        refusal(
          'unsupported_format',
          `dpa ${value.format} JSON is not a supported wire format; take dpa's NewsML-G2 or ninjs feed.`,
        ),
      ];
    }
  }
  const envelope = isObject(value) ? (prop(value, 'item') ?? prop(value, 'items')) : undefined;
  const list = Array.isArray(value) ? value : Array.isArray(envelope) ? envelope : [value];
  if (list.length === 0) return [refusal('no_content', 'The ninjs document holds no items.')];
  return list.map((item, index) =>
    isObject(item)
      ? item
      : refusal('invalid_item', `Entry ${index + 1} of the ninjs document is not an object.`),
  );
}
