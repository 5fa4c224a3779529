import { EventEmitter } from 'node:events';

/** What happened to an article; caches and (later) feeds, search and CDNs listen. */
export interface ArticleChanged {
  siteId: number;
  articleId: number;
  /** Surrogate keys of every page that showed the article before or shows it now. */
  keys: string[];
  /** The change's search document was written in the change's own transaction (a wire batch). */
  searchIndexed?: boolean;
  /** Readers could see (or were due to see) the article before and no longer will: a kill, an unpublish. */
  takenDown?: boolean;
}

export interface DomainEvents {
  'article.changed': ArticleChanged;
  'site.changed': { siteId: number };
  /** A site's live TV channel or schedule changed: every page's header (the LIVE indicator) may differ. */
  'live.changed': { siteId: number };
  /** Pages that changed without an article changing (a curated home page): purge these keys. */
  'pages.changed': { siteId: number; keys: string[] };
  /** A comment of the article was posted, edited, deleted or moderated (its pages show `comments:<id>`). */
  'comments.changed': { siteId: number; articleId: number };
}

/**
 * A typed, synchronous in-process event bus. Listeners must not throw.
 *
 * With Redis, the same events also arrive from the other nodes (`receiveFromOtherNode`, fed by
 * the event bridge). Only listeners registered with `onAnyNode` hear those: node-local state
 * (the page cache, the sites held in memory, the LIVE status) must follow every node's changes,
 * while work that must happen once per change (reindexing, CDN purges) listens with `on`.
 */
export class EventBus {
  readonly #emitter = new EventEmitter();
  readonly #fromOtherNodes = new EventEmitter();
  readonly #forwarders = new Set<(name: keyof DomainEvents, event: unknown) => void>();

  /** Events of this node only. */
  on<K extends keyof DomainEvents>(name: K, listener: (event: DomainEvents[K]) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }

  /** Events of this node and, when Redis carries them, of every other node. */
  onAnyNode<K extends keyof DomainEvents>(name: K, listener: (event: DomainEvents[K]) => void): () => void {
    this.#emitter.on(name, listener);
    this.#fromOtherNodes.on(name, listener);
    return () => {
      this.#emitter.off(name, listener);
      this.#fromOtherNodes.off(name, listener);
    };
  }

  emit<K extends keyof DomainEvents>(name: K, event: DomainEvents[K]): void {
    this.#emitter.emit(name, event);
    for (const forward of this.#forwarders) forward(name, event);
  }

  /** Hands every event emitted here to `forward` too (the event bridge publishes them). */
  forward(forward: (name: keyof DomainEvents, event: unknown) => void): () => void {
    this.#forwarders.add(forward);
    return () => this.#forwarders.delete(forward);
  }

  /** An event another node emitted: only `onAnyNode` listeners hear it. */
  receiveFromOtherNode<K extends keyof DomainEvents>(name: K, event: DomainEvents[K]): void {
    this.#fromOtherNodes.emit(name, event);
  }
}

/** The event names, for checking what arrives from outside the process. */
export const domainEventNames: readonly (keyof DomainEvents)[] = [
  'article.changed',
  'site.changed',
  'live.changed',
  'pages.changed',
  'comments.changed',
];
