import { Injectable, ServiceUnavailableException, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { SearchHit, SearchKind } from '@helix/contract';
import MiniSearch from 'minisearch';
import { snippetOf, stem } from './search-text';

/** What a feature puts in the index: one searchable thing of one forum. */
export interface SearchDocument {
  kind: SearchKind;
  id: string;
  /** The room it was written in; or, for an initiative of the whole forum, no room and its forum. */
  roomId: string | null;
  forumId?: string;
  threadId: string | null;
  /** Searched with a higher weight: a thread's or an initiative's title. */
  title: string;
  text: string;
  /** Shown with a hit but not searched: a message's thread title. */
  context?: string;
  at: string;
}

interface Stored extends SearchDocument {
  key: string;
}

const keyOf = (kind: SearchKind, id: string): string => `${kind}:${id}`;

/** How long one slice of the background indexing may hold the event loop: short, since every request waiting
 * on I/O (a catch-up after a restart makes several round trips to the database) waits up to a slice per round trip. */
const SLICE_MS = 2;

/**
 * One full-text index of everything people wrote in every forum, in memory (docs/adr/0001-forum-scale.md):
 * the features that own messages, threads, questions and initiatives keep their visible ones in it as their
 * read models change (a hidden or deleted message leaves it at once). Words are matched by their stem in
 * Russian or English, and the last word of a query also as a prefix.
 *
 * What the boot passes put in waits in a backlog and is indexed only once the server listens, in short slices:
 * on a forum's third day indexing takes seconds of CPU that would otherwise delay every room's first answer,
 * while a search can wait for them. Until the backlog is empty, search answers 503 (with Retry-After) rather
 * than results that leave things out.
 */
@Injectable()
export class SearchIndex implements OnModuleInit {
  private readonly index = new MiniSearch<Stored>({
    idField: 'key',
    fields: ['title', 'text'],
    storeFields: ['kind', 'id', 'forumId', 'roomId', 'threadId', 'title', 'text', 'context', 'at'],
    processTerm: (term) => stem(term),
    searchOptions: { boost: { title: 2 }, combineWith: 'AND' },
  });
  /** Documents not indexed yet, by key: a later put replaces, a remove deletes, so the order of changes holds. */
  private readonly backlog = new Map<string, Stored>();
  private listening = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.getHttpServer().once('listening', () => {
      this.listening = true;
      this.indexBacklog();
    });
  }

  /** Adds a document, or replaces the one of the same kind and id. */
  put(document: SearchDocument): void {
    const stored = { ...document, key: keyOf(document.kind, document.id) };
    if (!this.listening || this.backlog.has(stored.key)) this.backlog.set(stored.key, stored);
    else this.replace(stored);
  }

  remove(kind: SearchKind, id: string): void {
    const key = keyOf(kind, id);
    this.backlog.delete(key);
    if (this.index.has(key)) this.index.discard(key);
  }

  /** The best matches among the documents of the forum's rooms, or of one room. */
  search(
    query: string,
    scope: { forumId: string; roomIds: ReadonlySet<string> },
    limit: number,
  ): SearchHit[] {
    if (this.backlog.size) {
      throw new ServiceUnavailableException(
        `Search is still indexing what was written before Helix started (${this.backlog.size} to go); try again in a few seconds`,
      );
    }
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!words.length) return [];
    const stems = words.map(stem);
    const prefix = stems.at(-1);
    const results = this.index.search(words.join(' '), {
      prefix: (term) => term === prefix,
      filter: (result) =>
        result['roomId']
          ? scope.roomIds.has(result['roomId'] as string)
          : result['forumId'] === scope.forumId,
    });
    return results.slice(0, limit).map((result) => {
      const hit = result as unknown as Stored;
      return {
        kind: hit.kind,
        id: hit.id,
        roomId: hit.roomId,
        threadId: hit.threadId,
        title: hit.title || hit.context || '',
        ...snippetOf(hit.text || hit.title, stems, prefix),
        at: hit.at,
      };
    });
  }

  private replace(stored: Stored): void {
    if (this.index.has(stored.key)) this.index.discard(stored.key);
    this.index.add(stored);
  }

  private indexBacklog(): void {
    const until = performance.now() + SLICE_MS;
    for (const [key, stored] of this.backlog) {
      this.backlog.delete(key);
      this.replace(stored);
      if (performance.now() >= until) break;
    }
    if (this.backlog.size) setImmediate(() => this.indexBacklog());
  }
}
