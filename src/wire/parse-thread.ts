/**
 * A worker thread that parses wire files (phase 1, pure: bytes in, items and refusals out), so a
 * large ingest parses the next batch on the second core while this one writes. See ParseThread.
 */
import { parentPort } from 'node:worker_threads';
import { parseWireFile } from './formats/index.ts';

parentPort?.on('message', (message: { id: number; files: Uint8Array[] }) => {
  try {
    parentPort!.postMessage({ id: message.id, parsed: message.files.map((bytes) => parseWireFile(bytes)) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: String((error as Error)?.stack ?? error) });
  }
});
