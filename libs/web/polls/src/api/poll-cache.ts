import type { FormatResult, Poll, RoomEvent } from '@helix/contract';
import type { QueryClient } from '@tanstack/react-query';
import { getPoll } from './get-poll';
import { pollKeys } from './query-keys';

/**
 * Where a poll came from: an `answer` to this caller (REST or ack) carries their own vote; an `event`
 * is the same for every member of the room, so its `myVote` (and `myWords`, `myRatings`) is always null and
 * must not win; nor do the hidden words of a word cloud, which only an answer to a moderator lists.
 */
export type PollSource = 'answer' | 'event';

export function mergePoll(current: Poll | undefined, incoming: Poll, source: PollSource): Poll {
  if (source !== 'event' || !current) return incoming;
  return {
    ...incoming,
    myVote: current.myVote,
    myWords: current.myWords,
    myRatings: current.myRatings,
    formatResult: keepHiddenWords(current.formatResult, incoming.formatResult),
  };
}

function keepHiddenWords(current: FormatResult | null, incoming: FormatResult | null): FormatResult | null {
  if (current?.kind !== 'word_cloud' || incoming?.kind !== 'word_cloud') return incoming;
  return { ...incoming, hiddenWords: current.hiddenWords };
}

/** Newest first, as the API lists them. */
export function upsertPollInList(
  polls: readonly Poll[] | undefined,
  incoming: Poll,
  source: PollSource,
): Poll[] | undefined {
  if (!polls) return undefined;
  const index = polls.findIndex((poll) => poll.id === incoming.id);
  if (index >= 0) {
    const next = [...polls];
    next[index] = mergePoll(polls[index], incoming, source);
    return next;
  }
  return [incoming, ...polls].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Puts a poll into the room's list and its own entry, wherever those are loaded. */
export function upsertPoll(queryClient: QueryClient, poll: Poll, source: PollSource): void {
  queryClient.setQueryData<Poll[]>(pollKeys.list(poll.roomId), (polls) =>
    upsertPollInList(polls, poll, source),
  );
  queryClient.setQueryData<Poll>(pollKeys.detail(poll.id), (current) =>
    current || source === 'answer' ? mergePoll(current, poll, source) : current,
  );
}

/** Sets the caller's own vote on a cached poll, leaving its counts as they are (optimistic voting). */
export function setMyVote(
  queryClient: QueryClient,
  poll: Pick<Poll, 'id' | 'roomId'>,
  myVote: string[] | null,
): void {
  queryClient.setQueryData<Poll[]>(pollKeys.list(poll.roomId), (polls) =>
    polls?.map((item) => (item.id === poll.id ? { ...item, myVote } : item)),
  );
  queryClient.setQueryData<Poll>(pollKeys.detail(poll.id), (current) =>
    current ? { ...current, myVote } : current,
  );
}

/**
 * Applies one room event (already in seq order) to the polls cache. A draft made or changed is only a notice:
 * moderators, who see drafts, fetch the room's polls again; nobody else has anything to refresh.
 */
export function applyPollEvent(queryClient: QueryClient, event: RoomEvent, seesDrafts = false): void {
  if (event.type === 'poll.draft') {
    if (seesDrafts) void queryClient.invalidateQueries({ queryKey: pollKeys.list(event.roomId) });
    return;
  }
  if (event.type !== 'poll.created' && event.type !== 'poll.updated') return;
  const poll = (event as RoomEvent<'poll.created'>).payload;
  if (poll.resultsHidden && seesResultsOf(queryClient, poll)) return refreshPoll(queryClient, poll.id);
  upsertPoll(queryClient, poll, 'event');
}

/**
 * Whether this person already sees counts the room's events leave out (a moderator; a voter of an
 * "after vote" poll): an event that hides them must not blank what they see.
 */
function seesResultsOf(queryClient: QueryClient, poll: Poll): boolean {
  const cached =
    queryClient.getQueryData<Poll>(pollKeys.detail(poll.id)) ??
    queryClient.getQueryData<Poll[]>(pollKeys.list(poll.roomId))?.find((item) => item.id === poll.id);
  return cached !== undefined && !cached.resultsHidden;
}

/** Polls being fetched again, each with whether another event came in meanwhile. */
const refreshing = new Map<string, { again: boolean }>();

/**
 * Fetches the poll as this person may see it, one request per poll at a time: an event arriving during
 * the request asks for one more after it, as that request may have been answered before its vote.
 */
function refreshPoll(queryClient: QueryClient, pollId: string): void {
  const running = refreshing.get(pollId);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false };
  refreshing.set(pollId, state);
  void getPoll(pollId)
    .then((poll) => upsertPoll(queryClient, poll, 'answer'))
    .catch(() => undefined)
    .finally(() => {
      refreshing.delete(pollId);
      if (state.again) refreshPoll(queryClient, pollId);
    });
}
