/** Phase 1: the file's bytes to wire items and refusals (format detection, safe XML, mapping). */
import { parseWireFile } from '../formats/index.ts';
import type { ParsedFile } from '../wire-item.ts';
import type { ReceivedFile } from './types.ts';

export function parse(file: ReceivedFile): ParsedFile {
  return parseWireFile(file.bytes);
}
