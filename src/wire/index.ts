/**
 * wire: ingesting agency copy (NewsML-G2, ninjs, NITF, RSS/Atom) into articles, following its
 * updates and kills and honouring its rights. Other capabilities use only what this file exports.
 */
export { parseWireFile } from './formats/index.ts';
export type {
  ParsedFile,
  PubStatus,
  Refusal,
  RefusalCode,
  WireFormat,
  WireItem,
  WireSubject,
} from './wire-item.ts';
