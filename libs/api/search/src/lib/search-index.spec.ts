import { ServiceUnavailableException } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SearchIndex, type SearchDocument } from './search-index';

const message = (id: string, text: string): SearchDocument => ({
  kind: 'message',
  id,
  roomId: 'room-1',
  threadId: 'thread-1',
  title: '',
  text,
  at: '2026-12-02T10:00:00.000Z',
});
const scope = { forumId: 'forum-1', roomIds: new Set(['room-1']) };

/** A booting index: what Nest's HTTP adapter gives it, with the server's `listening` still to come. */
function booting(): { index: SearchIndex; listen: () => Promise<void> } {
  const server = new EventEmitter();
  const index = new SearchIndex({
    httpAdapter: { getHttpServer: () => server },
  } as unknown as HttpAdapterHost);
  index.onModuleInit();
  return {
    index,
    listen: async () => {
      server.emit('listening');
      for (let turn = 0; turn < 1000 && isIndexing(index); turn++) await nextTurn();
    },
  };
}
const isIndexing = (index: SearchIndex): boolean => {
  try {
    index.search('x', scope, 1);
    return false;
  } catch (error) {
    return error instanceof ServiceUnavailableException;
  }
};

describe('SearchIndex while Helix boots', () => {
  it('answers 503 until what the boot passes put in is indexed, then finds it', async () => {
    const { index, listen } = booting();
    index.put(message('m1', 'Совместные лаборатории университета'));
    expect(() => index.search('лаборатория', scope, 10)).toThrow(ServiceUnavailableException);
    await listen();
    expect(index.search('лаборатория', scope, 10).map((hit) => hit.id)).toEqual(['m1']);
  });

  it('keeps the order of changes made before the backlog is indexed', async () => {
    const { index, listen } = booting();
    index.put(message('m1', 'first draft about transport'));
    index.put(message('m1', 'edited: about laboratories'));
    index.put(message('m2', 'hidden later'));
    index.remove('message', 'm2');
    await listen();
    expect(index.search('transport', scope, 10)).toEqual([]);
    expect(index.search('laboratories', scope, 10).map((hit) => hit.id)).toEqual(['m1']);
    expect(index.search('hidden', scope, 10)).toEqual([]);
  });

  it('indexes a change made after it listens at once', async () => {
    const { index, listen } = booting();
    await listen();
    index.put(message('m3', 'pilot projects'));
    expect(index.search('pilot', scope, 10).map((hit) => hit.id)).toEqual(['m3']);
  });
});
