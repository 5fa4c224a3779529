import { randomUUID } from 'node:crypto';

/**
 * JSON of readonly values, serialised once however many rows store them: a wire item's body goes
 * into the article, its first revision and the wire item row, and serialising it three times was
 * a visible share of ingesting it. Only for values nobody mutates (bodies are readonly blocks).
 */
const known = new WeakMap<object, string>();
/** Stands in for the reused member while the rest is serialised; unique to this process. */
const marker = `\u0000json-once-${randomUUID()}\u0000`;
const markerJson = JSON.stringify(marker);

/** `JSON.stringify(value)`, remembered for this object. */
export function jsonOnce(value: object): string {
  let json = known.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    known.set(value, json);
  }
  return json;
}

/** `JSON.stringify(value)`, with `value[key]` (an object) taken from `jsonOnce`. */
export function jsonReusing<T extends object>(value: T, key: keyof T & string): string {
  const member = value[key];
  if (member === null || typeof member !== 'object') return JSON.stringify(value);
  const json = JSON.stringify({ ...value, [key]: marker });
  const at = json.indexOf(markerJson);
  return `${json.slice(0, at)}${jsonOnce(member)}${json.slice(at + markerJson.length)}`;
}
