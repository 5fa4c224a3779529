/**
 * A drop folder: files agencies push (FTP/SFTP delivery). A file is taken only once it is
 * complete: its size and modification time unchanged across two looks. Hidden files and the
 * usual upload names (`*.tmp`, `*.part`, `*.filepart`) are never taken, so an agency that
 * uploads under a temporary name and renames into place is picked up on the look after the
 * rename. Taken files move to `.processed/`, or to `.quarantine/` with a `.reason.txt` beside
 * them when nothing in them could be ingested.
 */
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const inProgress = /^\.|\.(tmp|part|filepart|partial|crdownload)$/i;

interface Look {
  readonly size: number;
  readonly mtimeMs: number;
}

export class DropFolder {
  readonly path: string;
  /** What each file looked like on the previous look. */
  readonly #looks = new Map<string, Look>();

  constructor(path: string) {
    this.path = path;
  }

  /** The files that were complete on this look (unchanged since the last one). */
  async completeFiles(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.path);
    } catch (error) {
      // A new source's folder is made on its first look, so the agency has somewhere to deliver.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        await mkdir(this.path, { recursive: true });
        return [];
      }
      throw error;
    }
    const complete: string[] = [];
    const present = new Set<string>();
    for (const name of names.sort()) {
      if (inProgress.test(name)) continue;
      const info = await stat(join(this.path, name)).catch(() => null);
      if (!info?.isFile()) continue;
      present.add(name);
      const look = { size: info.size, mtimeMs: info.mtimeMs };
      const before = this.#looks.get(name);
      if (before && before.size === look.size && before.mtimeMs === look.mtimeMs) complete.push(name);
      this.#looks.set(name, look);
    }
    for (const name of this.#looks.keys()) if (!present.has(name)) this.#looks.delete(name);
    return complete;
  }

  /** Moves a taken file out of the way: processed, or quarantined with its reason. */
  async settle(name: string, result: { quarantine: string | null }, at: Date): Promise<void> {
    const folder = join(this.path, result.quarantine === null ? '.processed' : '.quarantine');
    await mkdir(folder, { recursive: true });
    const stamped = `${at.toISOString().replace(/[:.]/g, '-')}-${name}`;
    await rename(join(this.path, name), join(folder, stamped));
    if (result.quarantine !== null)
      await writeFile(join(folder, `${stamped}.reason.txt`), `${result.quarantine}\n`);
    this.#looks.delete(name);
  }
}
