import { EventEmitter } from 'node:events';

/** What happened to an article; caches and (later) feeds, search and CDNs listen. */
export interface ArticleChanged {
  siteId: number;
  articleId: number;
  /** Surrogate keys of every page that showed the article before or shows it now. */
  keys: string[];
  /** The change's search document was written in the change's own transaction (a wire batch). */
  searchIndexed?: boolean;
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

/** A typed, synchronous in-process event bus. Listeners must not throw. */
export class EventBus {
  readonly #emitter = new EventEmitter();

  on<K extends keyof DomainEvents>(name: K, listener: (event: DomainEvents[K]) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }

  emit<K extends keyof DomainEvents>(name: K, event: DomainEvents[K]): void {
    this.#emitter.emit(name, event);
  }
}
