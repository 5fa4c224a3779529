/**
 * Parsing on a second core. Parsing a wire file needs no database and is a quarter of an item's
 * cost, so `WireService.ingestFiles` parses the next batch on a worker thread while the current
 * one writes, and splits a batch between the thread and its own when there is no next. The
 * thread starts on the first ingest large enough to gain from it (never for a single file, so
 * tests and the desk's uploads never start one), is unref'd, and stops with the service. If it
 * cannot start or fails, files are parsed on the calling thread: the outcome is the same.
 */
import { Worker } from 'node:worker_threads';
import { parseWireFile } from './formats/index.ts';
import type { ParsedFile } from './wire-item.ts';

/** Fewer files than this are parsed where they are: a thread's start costs more than it saves. */
export const threadedParseMinFiles = 50;

export class ParseThreads {
  #worker: Worker | null = null;
  #failed = false;
  #next = 1;
  readonly #waiting = new Map<number, { resolve: (p: ParsedFile[]) => void; reject: (e: Error) => void }>();

  /** Whether the worker thread is up (it starts on the first `parse`). */
  get running(): boolean {
    return this.#worker !== null;
  }

  /** Parses `files` on the worker thread (or here, when it cannot run). */
  async parse(files: readonly Uint8Array[]): Promise<ParsedFile[]> {
    const worker = files.length > 0 ? this.#start() : null;
    if (!worker) return files.map((bytes) => parseWireFile(bytes));
    const id = this.#next++;
    try {
      return await new Promise<ParsedFile[]>((resolve, reject) => {
        this.#waiting.set(id, { resolve, reject });
        // Held only while it has work: an idle thread never keeps the process alive.
        worker.ref();
        worker.postMessage({ id, files });
      });
    } catch {
      // The thread died (or could not load): this batch is parsed here, and so are later ones.
      return files.map((bytes) => parseWireFile(bytes));
    }
  }

  /** Parses `files` half on the worker thread, half here at the same time, in order. */
  async parseSplit(files: readonly Uint8Array[]): Promise<ParsedFile[]> {
    if (files.length < threadedParseMinFiles) return files.map((bytes) => parseWireFile(bytes));
    const half = Math.ceil(files.length / 2);
    const there = this.parse(files.slice(half));
    const here = files.slice(0, half).map((bytes) => parseWireFile(bytes));
    return [...here, ...(await there)];
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  #start(): Worker | null {
    if (this.#worker || this.#failed) return this.#worker;
    let worker: Worker;
    try {
      // The sources are TypeScript run through tsx: the thread registers it before loading the
      // parser, whether or not this process was started with `--import tsx`.
      const tsx = import.meta.resolve('tsx/esm/api');
      const entry = new URL('./parse-thread.ts', import.meta.url).href;
      worker = new Worker(
        `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
        { eval: true, execArgv: [] },
      );
    } catch {
      this.#failed = true;
      return null;
    }
    worker.unref();
    worker.on('message', (message: { id: number; parsed?: ParsedFile[]; error?: string }) => {
      const waiting = this.#waiting.get(message.id);
      this.#waiting.delete(message.id);
      if (this.#waiting.size === 0) worker.unref();
      if (message.parsed) waiting?.resolve(message.parsed);
      else waiting?.reject(new Error(message.error ?? 'the parse thread failed'));
    });
    const fail = (error: Error) => {
      this.#failed = true;
      if (this.#worker === worker) this.#worker = null;
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the parse thread exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }
}
