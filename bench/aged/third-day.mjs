// A forum's third day as documents, in the storage format of docs/adr/0001-forum-scale.md: every document
// the aged benchmark writes into the database is built in this file (and only here), so a change of a field
// name is a change here. Deterministic: the same volumes and seed give the same documents, ids included.
//
// What it holds, per the ADR: an append-only room log without content (`room_events`, `_id` "<roomId>:<seq>",
// seq 1, 2, 3… per room), the current state of every subject in its own collection (messages, threads, polls
// with their ballots, questions with their upvoters, initiatives with their votes and vote history), the
// moderation log, room settings, and the accounts (all signing in with PASSWORD).
import { createHash } from 'node:crypto';
import { ObjectId } from 'mongodb';
import {
  HIDE_REASONS,
  INITIATIVE_TITLES,
  NAMES,
  ORGANIZATIONS,
  POLL_QUESTIONS,
  REASONS,
  SENTENCES,
  SHORT_REPLIES,
  THREAD_TITLES,
} from './texts.mjs';

export const GROUPS = ['university', 'business', 'government', 'civil_society'];
const GROUP_SHARE = [0.3, 0.3, 0.15, 0.25];
const EMOJIS = ['👍', '❤️', '🎉', '🤔', '👀', '✅'];
const EMOJI_SHARE = [0.45, 0.15, 0.1, 0.12, 0.08, 0.1];
const POSITIONS = ['agree', 'abstain', 'disagree', 'block'];
export const DEFAULT_RULE = { quorum: 5, minGroups: 3, groupThreshold: 0.6, maxBlocks: 0 };
export const PASSWORD = 'bench password';
/** The actor of what the API does by itself: coalesced live counts, closing at the set time. */
const SYSTEM = 'system';
export const accountEmail = (idx) => `forum${idx}@helix.test`;

/** Collections in the order they are written (the rooms are Helix's own, read, never written). */
export const COLLECTIONS = [
  'users',
  'user_emails',
  'threads',
  'messages',
  'room_events',
  'room_log_channels',
  'room_log_chunks',
  'polls',
  'poll_ballots',
  'initiatives',
  'initiative_votes',
  'questions',
  'moderation_log',
  'room_settings',
];

/**
 * Volumes: `aged` is the forum's third day as the task states it; `fresh` is the same forum with a little
 * data (the comparison column); `--quick` shrinks both for a smoke run. `probes` is filled in by the
 * caller: accounts the generator leaves without votes, ballots or upvotes, so the benchmark's own votes are
 * new ones.
 */
export function volumes(kind, { quick = false } = {}) {
  const table = {
    aged: {
      events: 100_000,
      accounts: 2000,
      polls: 20,
      openPolls: 4,
      ballotsPerPoll: 1000,
      initiatives: 50,
      votesPerInitiative: 300,
      questions: 500,
      upvotes: 20_000,
      moderationEntries: 3000,
    },
    fresh: {
      events: 2000,
      accounts: 2000,
      polls: 4,
      openPolls: 2,
      ballotsPerPoll: 30,
      initiatives: 5,
      votesPerInitiative: 12,
      questions: 20,
      upvotes: 100,
      moderationEntries: 40,
    },
  };
  const chosen = { ...table[kind], bigRoomShare: 0.5, bigRoomThreads: 30, otherRoomThreads: 5 };
  if (quick)
    Object.assign(
      chosen,
      kind === 'aged'
        ? { events: 20_000, accounts: 500, ballotsPerPoll: 300, votesPerInitiative: 100, upvotes: 5000 }
        : { events: 1000, accounts: 500 },
      { moderationEntries: Math.round(chosen.moderationEntries / (kind === 'aged' ? 4 : 1)) },
    );
  return chosen;
}

// ---------------------------------------------------------------- determinism
/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (a, b) => a + next() * (b - a),
    chance: (p) => next() < p,
    pick: (list) => list[int(list.length)],
    /** k distinct items of `list` (a partial Fisher–Yates on a copy). */
    sample(list, k) {
      const copy = list.slice();
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + int(copy.length - i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
    /** A picker over items with the given weights. */
    weighted(items, weights) {
      const cumulative = new Float64Array(weights.length);
      let sum = 0;
      weights.forEach((weight, i) => (cumulative[i] = sum += weight));
      return () => {
        const x = next() * sum;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] > x) hi = mid;
          else lo = mid + 1;
        }
        return items[lo];
      };
    },
    uuid() {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16)).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}

// ---------------------------------------------------------------- time
const HOUR = 3_600_000;
/** Day one starts at 09:00 Moscow time; each of the three days runs until 18:00. */
const DAY_ONE = Date.UTC(2025, 9, 14, 6, 0);
/** A point of the forum's three working days, from 0 (first morning) to 1 (third evening). */
const forumTime = (fraction) => {
  const f = Math.min(Math.max(fraction, 0), 0.999999) * 3;
  const day = Math.floor(f);
  return new Date(DAY_ONE + day * 24 * HOUR + (f - day) * 9 * HOUR);
};

// ---------------------------------------------------------------- the builders
/**
 * Builds the day. `rooms`: Helix's seeded rooms ({ id, slug, order }); `admin`: the account registered
 * through the API ({ id, displayName, organization, stakeholderGroup }), who moderates and runs the polls;
 * `passwordHash`: its stored hash of PASSWORD, given to every generated account; `probes`: how many accounts
 * to keep for the benchmark's own actions; `samples`: how many early messages each write operation needs.
 * Returns { collections: { name: documents[] }, manifest } (the manifest names what the benchmark measures).
 */
export function thirdDay({ rooms, admin, passwordHash, volumes: v, probes, samples, seed = 3 }) {
  const r = random(seed);
  let idCounter = 0;
  /** An ObjectId whose time part is `at`, unique by a counter, otherwise from the seeded sequence. */
  const objectId = (at) => {
    const seconds = Math.floor(at.getTime() / 1000)
      .toString(16)
      .padStart(8, '0');
    const rest = Array.from({ length: 10 }, () => r.int(16).toString(16)).join('');
    return new ObjectId(`${seconds}${rest}${(idCounter++).toString(16).padStart(6, '0')}`);
  };

  // ---- accounts: the last `probes` take no part in the generated votes, ballots and upvotes
  const people = [];
  const pickGroup = r.weighted(GROUPS, GROUP_SHARE);
  const users = Array.from({ length: v.accounts }, (_, idx) => {
    const lang = r.chance(0.6) ? 'ru' : 'en';
    const group = pickGroup();
    const createdAt = new Date(DAY_ONE - r.between(0.5, 14 * 24) * HOUR);
    const _id = objectId(createdAt);
    const first = r.pick(NAMES[lang].first);
    const last = r.pick(NAMES[lang].last);
    const displayName = lang === 'ru' ? `${first} ${last[/[ая]$/.test(first) ? 1 : 0]}` : `${first} ${last}`;
    const person = {
      idx,
      lang,
      id: _id.toHexString(),
      public: {
        id: _id.toHexString(),
        displayName,
        organization: r.pick(ORGANIZATIONS[group]),
        stakeholderGroup: group,
      },
    };
    people.push(person);
    return {
      _id,
      email: accountEmail(idx),
      passwordHash,
      displayName,
      organization: person.public.organization,
      stakeholderGroup: group,
      roles: ['participant'],
      createdAt,
      updatedAt: createdAt,
    };
  });
  const personById = new Map(people.map((p) => [p.id, p]));
  const probeIdxs = Array.from({ length: probes }, (_, i) => v.accounts - probes + i);
  const active = people.slice(0, v.accounts - probes);
  // Some people post all day, most a few times: a heavy-tailed activity weight per person.
  const pickActive = r.weighted(
    active,
    active.map(() => r.next() ** 3 + 0.02),
  );
  const byGroup = Object.fromEntries(
    GROUPS.map((g) => [g, active.filter((p) => p.public.stakeholderGroup === g)]),
  );
  /** `n` distinct active people, spread over every stakeholder group in turn (so each group is present). */
  const voters = (n) => {
    const pools = GROUPS.map((g) => r.sample(byGroup[g], byGroup[g].length));
    const chosen = [];
    const pickPool = r.weighted([0, 1, 2, 3], GROUP_SHARE);
    for (let guard = 0; chosen.length < Math.min(n, active.length) && guard < n * 20; guard++) {
      const pool = pools[chosen.length < GROUPS.length ? chosen.length : pickPool()];
      if (pool.length) chosen.push(pool.pop());
    }
    return chosen;
  };
  const adminPublic = {
    id: admin.id,
    displayName: admin.displayName,
    organization: admin.organization,
    stakeholderGroup: admin.stakeholderGroup,
  };

  // ---- texts
  const sentence = (lang) => r.pick(SENTENCES[lang]);
  const messageText = (lang) => {
    const roll = r.next();
    if (roll < 0.12) return r.pick(SHORT_REPLIES[lang]);
    if (roll < 0.14) {
      // One message in fifty is an essay, up to the 4000-character limit.
      let text = '';
      const target = r.between(1500, 3990);
      while (text.length < target) text += `${sentence(lang)}${r.chance(0.2) ? '\n\n' : ' '}`;
      return text.slice(0, 3990).trim();
    }
    return r.sample(SENTENCES[lang], roll < 0.8 ? 1 + r.int(3) : 4 + r.int(5)).join(' ');
  };

  // ---- rooms: the first track room is the hall's big room
  const ordered = rooms.slice().sort((a, b) => a.order - b.order);
  const big = ordered[0];
  const others = ordered.slice(1);
  const eventsOf = new Map();
  eventsOf.set(big.id, Math.round(v.events * v.bigRoomShare));
  const rest = v.events - eventsOf.get(big.id);
  others.forEach((room, i) =>
    eventsOf.set(room.id, Math.floor(rest / others.length) + (i < rest % others.length ? 1 : 0)),
  );
  /** `count` subjects over the rooms: `bigShare` of them in the big room, the rest in turn. */
  const spread = (count, bigShare) => {
    const inBig = Math.round(count * bigShare);
    return Array.from({ length: count }, (_, i) =>
      i < inBig ? big.id : others[(i - inBig) % others.length].id,
    );
  };

  // ---- subjects decided up front (their documents are finished after the log is written)
  const pollRooms = spread(v.polls, 0.3);
  const openFrom = v.polls - v.openPolls;
  // The big room's last poll is open (the benchmark votes in it), and the last polls of other rooms.
  const polls = pollRooms.map((roomId) => ({
    roomId,
    open: false,
    lang: r.chance(0.6) ? 'ru' : 'en',
    times: [],
    eventType: 'poll',
  }));
  const bigPolls = polls.filter((p) => p.roomId === big.id);
  if (bigPolls.length) bigPolls[bigPolls.length - 1].open = true;
  for (const poll of polls.slice(openFrom))
    if (polls.filter((p) => p.open).length < v.openPolls) poll.open = true;

  const questionRooms = spread(v.questions, 0.4);
  const statusOf = r.weighted(['approved', 'answered', 'pending', 'dismissed'], [0.75, 0.15, 0.05, 0.05]);
  const questions = questionRooms.map((roomId) => ({
    roomId,
    status: statusOf(),
    times: [],
    eventType: 'question.updated',
  }));
  const hotIndex = questions.findIndex((q) => q.roomId === big.id);
  if (hotIndex >= 0) questions[hotIndex].status = 'approved';
  // A third of the approved ones were approved by hand (the room reviewed questions then).
  for (const q of questions) q.approvedByHand = q.status === 'approved' && r.chance(0.3);
  // Upvotes: heavy-tailed over the questions that are shown (approved, answered).
  const shown = questions.filter((q) => q.status === 'approved' || q.status === 'answered');
  const upvoteWeights = shown.map((q, i) => (q === questions[hotIndex] ? 3 : 1) / (1 + (i % 50)) ** 0.7);
  const weightSum = upvoteWeights.reduce((a, b) => a + b, 0);
  shown.forEach(
    (q, i) => (q.upvotes = Math.min(active.length, Math.round((v.upvotes * upvoteWeights[i]) / weightSum))),
  );

  const initiativeStatus = (i) =>
    i < Math.round(v.initiatives * 0.12)
      ? 'adopted'
      : i < Math.round(v.initiatives * 0.2)
        ? 'rejected'
        : 'voting';
  const initiatives = Array.from({ length: v.initiatives }, (_, i) => ({
    status: initiativeStatus(i),
    // A fifth belong to no room, a quarter of the rest to the big room; the last one (voting) is measured.
    roomId: i === v.initiatives - 1 || i % 4 === 0 ? big.id : i % 5 === 4 ? null : r.pick(others).id,
    lang: r.chance(0.6) ? 'ru' : 'en',
    times: [],
    eventType: 'initiative.updated',
  }));
  const measured = initiatives.at(-1);

  /**
   * The event of a poll, question or initiative token: the first one creates (opens) the subject, the last
   * one closes, answers or dismisses it, the ones between are the live counts the API coalesces.
   */
  function subjectEvent({ subject, k, last }, seq, at) {
    subject.times.push(at);
    const closing = last && k > 0;
    if (subject.eventType === 'poll') {
      subject.id ??= objectId(at);
      const byModerator = k === 0 || (closing && !subject.open);
      return {
        type: k === 0 ? 'poll.created' : 'poll.updated',
        subjectId: subject.id.toHexString(),
        actorId: byModerator ? admin.id : SYSTEM,
      };
    }
    if (subject.eventType === 'initiative.updated') {
      subject.id ??= objectId(at);
      const byModerator = closing && subject.status !== 'voting';
      return {
        type: 'initiative.updated',
        subjectId: subject.id.toHexString(),
        actorId: k === 0 ? (subject.proposer ??= pickActive()).id : byModerator ? admin.id : SYSTEM,
      };
    }
    if (k === 0) {
      subject.author = pickActive();
      subject.clientId = r.uuid();
      subject.id = deterministicId('question', subject.author.id, subject.clientId);
    }
    const id = subject.id.toHexString();
    const decision =
      closing && (subject.status === 'answered' || subject.status === 'dismissed')
        ? `question.${subject.status}`
        : k === 1 && subject.approvedByHand
          ? 'question.approved'
          : null;
    if (decision) {
      const reason = decision === 'question.dismissed' ? r.pick(HIDE_REASONS) : null;
      moderation.push(moderationEntry(subject.roomId, seq, decision, id, reason, null, at));
    }
    return {
      type: subject.status === 'pending' ? 'question.pending' : 'question.updated',
      subjectId: id,
      actorId: k === 0 ? subject.author.id : decision ? admin.id : SYSTEM,
    };
  }

  /** A moderator's change to a thread (pin, lock, resolve, or undoing one) or to the room's settings. */
  function moderate(room, roomThreads, seq, at) {
    if (r.chance(0.15)) {
      const [field, on, off] = r.pick([
        ['pinned', 'thread.pinned', 'thread.unpinned'],
        ['locked', 'thread.locked', 'thread.unlocked'],
        ['resolved', 'thread.resolved', 'thread.reopened'],
      ]);
      // Half the changes undo an earlier one, so a few threads stay pinned, locked or resolved by evening.
      // The big room's first threads (its earliest messages, which the benchmark edits) stay unlocked.
      const candidates = field === 'locked' && room.id === big.id ? roomThreads.slice(3) : roomThreads;
      if (!candidates.length) return settingsEvent(room, seq, at);
      const set = candidates.filter((t) => t[field]);
      const thread = set.length && r.chance(0.5) ? r.pick(set) : r.pick(candidates);
      thread[field] = !thread[field];
      thread.version += 1;
      const id = thread._id.toHexString();
      moderation.push(moderationEntry(room.id, seq, thread[field] ? on : off, id, null, null, at));
      return { type: 'thread.updated', subjectId: id, threadId: id, actorId: admin.id };
    }
    return settingsEvent(room, seq, at);
  }

  function settingsEvent(room, seq, at) {
    const settings = settingsOf.get(room.id);
    if (r.chance(0.005)) {
      settings.qaReview = !settings.qaReview;
      const action = settings.qaReview ? 'settings.qa_review_on' : 'settings.qa_review_off';
      moderation.push(moderationEntry(room.id, seq, action, null, null, null, at));
    } else {
      // The projector shows one of the room's polls or initiatives that exist by now, the questions, or nothing.
      const shown = [
        ...polls.filter((p) => p.roomId === room.id && p.id).map((p) => ['poll', p.id.toHexString()]),
        ...initiatives
          .filter((x) => x.roomId === room.id && x.id)
          .map((x) => ['initiative', x.id.toHexString()]),
        ['qa', null],
        ['nothing', null],
      ];
      const [kind, targetId] = r.pick(shown);
      Object.assign(settings, { projectorKind: kind, projectorTargetId: targetId });
      moderation.push(moderationEntry(room.id, seq, 'settings.projector', targetId, null, kind, at));
    }
    settings.updatedAt = at;
    return { type: 'settings.updated', subjectId: room.id, actorId: admin.id };
  }

  // ---- the log, room by room: every event is a token with a place in the day, sorted, then applied
  const threads = [];
  const messages = [];
  const events = [];
  const moderation = [];
  const earlyCount = 3 * samples + 1;
  // Every moderation entry belongs to the room event its action made: hides (a tenth of the message changes)
  // and question decisions come with their subjects; thread and room settings changes fill the rest.
  const questionEntries = questions.filter(
    (q) => q.status === 'answered' || q.status === 'dismissed' || q.approvedByHand,
  ).length;
  const moderationBudget = Math.max(0, v.moderationEntries - Math.round(v.events * 0.005) - questionEntries);
  const settingsOf = new Map(
    ordered.map((room) => [
      room.id,
      { _id: room.id, qaReview: false, projectorKind: 'nothing', projectorTargetId: null, updatedAt: null },
    ]),
  );
  const manifest = { bigRoomId: big.id, headSeq: {}, probes: probeIdxs };
  for (const room of ordered) {
    const total = eventsOf.get(room.id);
    const isBig = room.id === big.id;
    const threadCount = Math.max(
      1,
      Math.min(isBig ? v.bigRoomThreads : v.otherRoomThreads, Math.floor(total / 20)),
    );
    const tokens = [];
    for (let t = 0; t < threadCount; t++)
      tokens.push({
        type: 'thread.created',
        key: t === 0 ? 0 : (t / threadCount) * 0.75 + r.between(0, 0.01),
      });
    const subjectTokens = (list, share, window) => {
      const mine = list.filter((s) => s.roomId === room.id);
      if (!mine.length) return;
      const budget = Math.max(mine.length, Math.round(total * share));
      mine.forEach((subject, i) => {
        const [from, to] = window(subject);
        subject.window = [from, to];
        const count = Math.floor(budget / mine.length) + (i < budget % mine.length ? 1 : 0);
        for (let k = 0; k < count; k++) {
          const key = k === 0 ? from : k === count - 1 && !subject.open ? to : r.between(from, to);
          tokens.push({ type: subject.eventType, subject, key, k, last: k === count - 1 });
        }
      });
    };
    subjectTokens(polls, 0.04, (p) => {
      if (p.open) return [r.between(0.9, 0.97), 0.999];
      const from = r.between(0.03, 0.8);
      return [from, from + r.between(0.03, 0.1)];
    });
    subjectTokens(questions, 0.06, () => {
      const from = r.between(0.01, 0.9);
      return [from, Math.min(0.999, from + r.between(0.02, 0.15))];
    });
    subjectTokens(initiatives, 0.04, (x) => {
      const from = r.between(0.1, 0.6);
      return [from, x.status === 'voting' ? 0.999 : from + r.between(0.1, 0.3)];
    });
    const fill = (type, count) => {
      for (let i = 0; i < count; i++) tokens.push({ type, key: r.between(0.0001, 0.9999) });
    };
    const reactions = Math.round(total * 0.2);
    const changes = Math.round(total * 0.05);
    fill('reaction.updated', reactions);
    fill('message.changed', changes);
    fill('moderation', Math.round((moderationBudget * total) / v.events));
    fill('message.created', Math.max(0, total - tokens.length));
    tokens.sort((a, b) => a.key - b.key);
    tokens.length = total;

    const roomThreads = [];
    const roomMessages = [];
    let pickThread = () => roomThreads[0];
    const earlier = (protect) => {
      for (let attempt = 0; attempt < 8 && roomMessages.length; attempt++) {
        const pool = roomMessages.length;
        const index = r.chance(0.7) ? pool - 1 - r.int(Math.min(300, pool)) : r.int(pool);
        const message = roomMessages[index];
        if (message.deleted || message.hidden || (protect && message.protected)) continue;
        return message;
      }
      return null;
    };
    tokens.forEach((token, i) => {
      const seq = i + 1;
      const at = forumTime(token.key);
      const event = {
        _id: `${room.id}:${seq}`,
        roomId: room.id,
        seq,
        type: token.type,
        subjectId: null,
        actorId: null,
        at,
      };
      let type = token.type;
      const target =
        type === 'reaction.updated' || type === 'message.changed'
          ? earlier(type === 'message.changed')
          : null;
      if (!target && (type === 'reaction.updated' || type === 'message.changed')) type = 'message.created';
      if (type === 'thread.created') {
        const author = pickActive();
        const thread = {
          _id: objectId(at),
          roomId: room.id,
          title: r.pick(THREAD_TITLES[author.lang]),
          createdBy: author.public,
          pinned: false,
          locked: false,
          resolved: false,
          deleted: false,
          clientId: null,
          createdAt: at,
          version: 1,
        };
        roomThreads.push(thread);
        const weights = roomThreads.map((_, t) => 1 / (t + 1));
        pickThread = r.weighted(roomThreads, weights);
        Object.assign(event, {
          type,
          subjectId: thread._id.toHexString(),
          threadId: thread._id.toHexString(),
          actorId: author.id,
        });
      } else if (type === 'message.created') {
        const thread = pickThread();
        const threadId = thread._id.toHexString();
        const early = isBig && roomMessages.length < earlyCount;
        const author = early ? people[probeIdxs[roomMessages.length % probeIdxs.length]] : pickActive();
        const clientId = r.uuid();
        const siblings = thread.recent ?? (thread.recent = []);
        const message = {
          _id: deterministicId('message', author.id, clientId),
          roomId: room.id,
          threadId,
          seq,
          clientId,
          authorId: author.id,
          author: author.public,
          text: messageText(author.lang),
          replyTo: siblings.length && r.chance(0.15) ? r.pick(siblings)._id.toHexString() : null,
          reactions: {},
          createdAt: at,
          editedAt: null,
          deleted: false,
          hidden: null,
          version: 1,
        };
        if (early) message.protected = true;
        siblings.push(message);
        if (siblings.length > 10) siblings.shift();
        roomMessages.push(message);
        Object.assign(event, { type, subjectId: message._id.toHexString(), threadId, actorId: author.id });
      } else if (type === 'reaction.updated') {
        const message = target;
        const actor = pickActive();
        const emoji = r.weighted(EMOJIS, EMOJI_SHARE)();
        const list = message.reactions[emoji] ?? [];
        const at_ = list.indexOf(actor.id);
        if (at_ >= 0) list.splice(at_, 1);
        else list.push(actor.id);
        if (list.length) message.reactions[emoji] = list;
        else delete message.reactions[emoji];
        message.version += 1;
        Object.assign(event, {
          type,
          subjectId: message._id.toHexString(),
          threadId: message.threadId,
          actorId: actor.id,
        });
      } else if (type === 'message.changed') {
        const message = target;
        const roll = r.next();
        message.version += 1;
        if (roll < 0.8) {
          message.text = messageText(personById.get(message.authorId).lang);
          message.editedAt = at;
          Object.assign(event, { type: 'message.updated', actorId: message.authorId });
        } else if (roll < 0.9) {
          message.deleted = true;
          message.text = '';
          message.reactions = {};
          Object.assign(event, { type: 'message.deleted', actorId: message.authorId });
        } else {
          const reason = r.pick(HIDE_REASONS);
          moderation.push(
            moderationEntry(
              room.id,
              seq,
              'message.hidden',
              message._id.toHexString(),
              reason,
              message.text,
              at,
            ),
          );
          message.hidden = { reason, at };
          message.text = '';
          message.reactions = {};
          Object.assign(event, { type: 'message.hidden', actorId: admin.id });
        }
        Object.assign(event, { subjectId: message._id.toHexString(), threadId: message.threadId });
      } else if (type === 'moderation') {
        Object.assign(event, moderate(room, roomThreads, seq, at));
      } else {
        Object.assign(event, subjectEvent(token, seq, at));
      }
      if (event.threadId === undefined) delete event.threadId;
      events.push(event);
    });
    manifest.headSeq[room.id] = total;
    threads.push(...roomThreads);
    messages.push(...roomMessages);
    if (isBig) {
      // The benchmark posts into these threads: a locked one would refuse it.
      const open = roomThreads.filter((t) => !t.locked);
      const counts = new Map(open.map((t) => [t._id.toHexString(), []]));
      for (const m of roomMessages) counts.get(m.threadId)?.push(m.seq);
      const [bigThreadId, seqs] = [...counts].sort((a, b) => b[1].length - a[1].length)[0];
      const deepIndex = Math.min(100, Math.floor(seqs.length / 2));
      const early = roomMessages.filter((m) => m.protected);
      manifest.bigThreadId = bigThreadId;
      manifest.bigThreadMessages = seqs.length;
      manifest.otherThreadId = [...counts.keys()].find((id) => id !== bigThreadId);
      manifest.newestPage = { lastSeq: seqs.at(-1), items: Math.min(50, seqs.length) };
      manifest.deepPage = {
        beforeSeq: seqs[deepIndex],
        firstSeq: seqs[Math.max(0, deepIndex - 50)],
        lastSeq: seqs[deepIndex - 1],
        items: Math.min(50, deepIndex),
      };
      const target = (m) => ({ id: m._id.toHexString(), authorIdx: personById.get(m.authorId).idx });
      manifest.early = {
        edit: early.slice(0, samples).map(target),
        delete: early.slice(samples, 2 * samples).map(target),
        hide: early.slice(2 * samples, 3 * samples).map(target),
      };
      manifest.flooderMessage = target(early[3 * samples]);
      manifest.threadCount = roomThreads.length;
    }
  }

  // ---- polls: ballots and the frozen tally of closed ones
  const pollDocs = polls.map((p, i) => {
    const [question, labels] = POLL_QUESTIONS[p.lang][i % POLL_QUESTIONS[p.lang].length];
    const openedAt = p.times[0] ?? forumTime(r.between(0.05, 0.9));
    p.id ??= objectId(openedAt);
    const closedAt = p.open ? null : (p.times.at(-1) ?? new Date(openedAt.getTime() + HOUR));
    const options = labels.map((label) => ({ id: objectId(openedAt).toHexString(), label }));
    const choose = r.weighted(
      options,
      options.map(() => r.between(0.2, 1)),
    );
    const lastAt = closedAt ?? forumTime(0.999);
    const ballots = {};
    for (const person of r.sample(active, v.ballotsPerPoll)) {
      ballots[person.id] = {
        group: person.public.stakeholderGroup,
        optionIds: [choose().id],
        at: new Date(openedAt.getTime() + r.next() * (lastAt.getTime() - openedAt.getTime())),
      };
    }
    return {
      _id: p.id,
      roomId: p.roomId,
      question,
      options,
      multiple: false,
      anonymous: i % 4 === 3,
      status: p.open ? 'open' : 'closed',
      createdBy: admin.id,
      createdAt: new Date(openedAt.getTime() - r.between(5, 40) * 60_000),
      openedAt,
      closedAt,
      finalTally: p.open ? null : pollTally(options, Object.values(ballots)),
      version: 1 + p.times.length,
      ballots,
    };
  });
  const pollBallotDocs = pollDocs.flatMap((poll) =>
    ballotBuckets(poll._id.toHexString(), poll.status === 'open', poll.ballots, null),
  );
  const openPoll =
    pollDocs.find((p) => p.status === 'open' && p.roomId === big.id) ??
    pollDocs.find((p) => p.status === 'open');
  if (openPoll)
    manifest.openPoll = {
      id: openPoll._id.toHexString(),
      roomId: openPoll.roomId,
      optionIds: openPoll.options.map((o) => o.id),
      voters: Object.keys(openPoll.ballots).length,
    };

  // ---- questions with their upvoters
  const questionDocs = questions.map((q) => {
    q.author ??= pickActive();
    q.clientId ??= r.uuid();
    q.id ??= deterministicId('question', q.author.id, q.clientId);
    const author = q.author;
    const createdAt = q.times[0] ?? forumTime(r.between(0.01, 0.95));
    const answeredAt =
      q.status === 'answered' ? (q.times.at(-1) ?? new Date(createdAt.getTime() + HOUR)) : null;
    const roomId = q.roomId;
    let text = r.sample(SENTENCES[author.lang], 1 + r.int(3)).join(' ');
    text = text.length > 480 ? text.slice(0, 480) : text;
    return {
      _id: q.id,
      roomId,
      text: text.endsWith('?') ? text : `${text.replace(/[.!]$/, '')}?`,
      anonymous: r.chance(0.2),
      authorId: author.id,
      author: author.public,
      clientId: q.clientId,
      status: q.status,
      createdAt,
      answeredAt,
      upvoters: r
        .sample(
          active.filter((p) => p !== author),
          q.upvotes ?? 0,
        )
        .map((p) => p.id),
      version: 1 + q.times.length,
    };
  });
  if (hotIndex >= 0) manifest.hotQuestion = { id: questionDocs[hotIndex]._id.toHexString(), roomId: big.id };

  // ---- initiatives: votes (the current one per person) and their history; closed ones keep their verdict
  const initiativeDocs = initiatives.map((x) => {
    const openedAt = x.times[0] ?? forumTime(r.between(0.1, 0.6));
    x.id ??= objectId(openedAt);
    const closedAt =
      x.status === 'voting' ? null : (x.times.at(-1) ?? new Date(openedAt.getTime() + 4 * HOUR));
    const endAt = closedAt ?? forumTime(0.999);
    const proposer = x.proposer ?? pickActive();
    const chosen = voters(v.votesPerInitiative);
    const groupCount = Object.fromEntries(GROUPS.map((g) => [g, 0]));
    const votes = {};
    const history = [];
    const randomPosition = r.weighted(POSITIONS, [0.55, 0.17, 0.24, 0.04]);
    let blocks = 0;
    for (const person of chosen) {
      const group = person.public.stakeholderGroup;
      // Adopted and rejected ones are built to their verdict: in every group agree / (agree + disagree) is 8/9
      // at least; a rejected one adds two blocks, its only unmet condition.
      const n = groupCount[group]++;
      let position =
        x.status === 'voting'
          ? randomPosition()
          : n % 10 < 8
            ? 'agree'
            : n % 10 === 8
              ? 'abstain'
              : 'disagree';
      if (x.status === 'rejected' && blocks < 2 && group !== 'civil_society') {
        position = 'block';
        blocks += 1;
      }
      const at = new Date(openedAt.getTime() + r.next() * (endAt.getTime() - openedAt.getTime()));
      const entry = (pos, when) => ({
        user: person.public,
        group,
        position: pos,
        reason: pos === 'disagree' || pos === 'block' ? r.pick(REASONS[person.lang]) : null,
        at: when,
      });
      if (r.chance(0.1))
        history.push(
          entry(
            r.pick(POSITIONS.filter((p) => p !== position && p !== 'block')),
            new Date(openedAt.getTime() + (at.getTime() - openedAt.getTime()) * r.next()),
          ),
        );
      votes[person.id] = entry(position, at);
      history.push(votes[person.id]);
    }
    history.sort((a, b) => a.at - b.at);
    const titles = INITIATIVE_TITLES[x.lang];
    return {
      _id: x.id,
      title: titles[r.int(titles.length)],
      summary: r.sample(SENTENCES[x.lang], 2 + r.int(4)).join(' '),
      roomId: x.roomId,
      proposer: proposer.public,
      partners: [
        { organization: proposer.public.organization, stakeholderGroup: proposer.public.stakeholderGroup },
        ...r
          .sample(GROUPS, 1 + r.int(3))
          .map((g) => ({ organization: r.pick(ORGANIZATIONS[g]), stakeholderGroup: g })),
      ],
      status: x.status,
      rule: { ...DEFAULT_RULE },
      closesAt: null,
      openedAt,
      closedAt,
      closedBy: x.status === 'voting' ? null : admin.id,
      outcome: x.status === 'voting' ? null : frozenVerdict(Object.values(votes)),
      source: null,
      createdAt: new Date(openedAt.getTime() - r.between(1, 20) * HOUR),
      version: 1 + x.times.length,
      votes,
      history,
    };
  });
  const initiativeVoteDocs = initiativeDocs.flatMap((initiative) =>
    ballotBuckets(
      initiative._id.toHexString(),
      initiative.status === 'voting',
      initiative.votes,
      initiative.history,
    ),
  );
  // The subjects themselves hold no ballots: those live in their buckets (libs/api/core ballot-box.ts).
  for (const doc of [...pollDocs, ...initiativeDocs]) {
    delete doc.ballots;
    delete doc.votes;
    delete doc.history;
  }
  if (measured) manifest.votingInitiative = { id: measured.id.toHexString(), roomId: big.id };

  /** One moderator action; its id derives from its room event, as the moderation feature stores it. */
  function moderationEntry(roomId, seq, action, subjectId, reason, detail, at) {
    const _id = deterministicId(roomId, String(seq), '0');
    return { _id, roomId, seq, index: 0, action, moderator: adminPublic, subjectId, reason, detail, at };
  }

  // Rooms whose settings no moderator changed have no document (the defaults).
  const settings = [...settingsOf.values()].filter((room) => room.updatedAt);

  for (const message of messages) delete message.protected;
  for (const thread of threads) delete thread.recent;
  const { channels, chunks } = logChunks(events);
  return {
    collections: {
      users,
      // Each account's email look-up (libs/api/auth user-email.schema.ts); the admin's exists already.
      user_emails: users.map((user) => ({ _id: user.email, userId: user._id.toHexString() })),
      threads,
      messages,
      room_events: events,
      room_log_channels: channels,
      room_log_chunks: chunks,
      polls: pollDocs,
      poll_ballots: pollBallotDocs,
      initiatives: initiativeDocs,
      initiative_votes: initiativeVoteDocs,
      questions: questionDocs,
      moderation_log: moderation,
      room_settings: settings,
    },
    manifest,
  };
}

/**
 * An id derived from its parts, as libs/api/core's deterministicId derives a message's or question's id from
 * its author and clientId (and a moderation entry's from its room event): the generated documents must have
 * the ids the API would look them up by.
 */
function deterministicId(...parts) {
  return new ObjectId(createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 12));
}

const BALLOT_BUCKETS = 16;

/** The bucket of a voter, as libs/api/core's ballotBucketOf computes it (FNV-1a of the voter id). */
function ballotBucketOf(subjectId, voterId) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < voterId.length; index += 1) {
    hash ^= voterId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${subjectId}:${hash % BALLOT_BUCKETS}`;
}

/** A subject's ballots spread over its buckets, each with the history of its voters when there is one. */
function ballotBuckets(subjectId, open, ballots, history) {
  const buckets = new Map(
    Array.from({ length: BALLOT_BUCKETS }, (_, index) => {
      const _id = `${subjectId}:${index}`;
      return [_id, { _id, subjectId, open, ballots: {}, history: [], version: 1 }];
    }),
  );
  for (const [voterId, ballot] of Object.entries(ballots))
    buckets.get(ballotBucketOf(subjectId, voterId)).ballots[voterId] = ballot;
  for (const entry of history ?? [])
    buckets.get(ballotBucketOf(subjectId, entry.user.id)).history.push(entry);
  return [...buckets.values()];
}

/** A closed poll's tally, as the polls feature freezes it: per option, voters, per group and option. */
function pollTally(options, ballots) {
  const votes = Object.fromEntries(options.map((o) => [o.id, 0]));
  const byGroup = {};
  for (const ballot of ballots) {
    const counts = (byGroup[ballot.group] ??= Object.fromEntries(options.map((o) => [o.id, 0])));
    for (const id of ballot.optionIds) {
      votes[id] += 1;
      counts[id] += 1;
    }
  }
  return { votes, voters: ballots.length, byGroup };
}

/**
 * The verdict frozen at closing, in libs/consensus's shape ({ reached, conditions, tally }). The closed
 * initiatives are generated so that only one condition can fail: blocks (rejected) or none (adopted).
 */
function frozenVerdict(ballots) {
  const byGroup = {};
  for (const ballot of ballots) {
    byGroup[ballot.group] ??= { agree: 0, abstain: 0, disagree: 0, block: 0 };
    byGroup[ballot.group][ballot.position] += 1;
  }
  const ordered = Object.fromEntries(GROUPS.filter((g) => byGroup[g]).map((g) => [g, byGroup[g]]));
  const blockingGroups = GROUPS.filter((g) => byGroup[g]?.block);
  const blocks = blockingGroups.reduce((sum, g) => sum + byGroup[g].block, 0);
  const conditions =
    blocks > DEFAULT_RULE.maxBlocks
      ? [{ kind: 'blocks', blocks, allowed: DEFAULT_RULE.maxBlocks, groups: blockingGroups }]
      : [];
  return { reached: conditions.length === 0, conditions, tally: { total: ballots.length, byGroup: ordered } };
}

/**
 * What Helix keeps beside a room log so boot need not read every event (libs/api/realtime room-log-chunks.ts):
 * the rooms that have a log, and every complete run of CHUNK_EVENTS events packed into one string.
 */
const CHUNK_EVENTS = 500;
function logChunks(events) {
  const byRoom = new Map();
  for (const event of events) {
    if (!byRoom.has(event.roomId)) byRoom.set(event.roomId, []);
    byRoom.get(event.roomId)[event.seq - 1] = event;
  }
  const channels = [...byRoom.keys()].map((roomId) => ({ _id: roomId }));
  const chunks = [];
  for (const [roomId, log] of byRoom) {
    for (let n = 0; (n + 1) * CHUNK_EVENTS <= log.length; n++) {
      const packed = log
        .slice(n * CHUNK_EVENTS, (n + 1) * CHUNK_EVENTS)
        .map((event) => [
          event.type,
          event.subjectId,
          event.threadId ?? '',
          event.actorId,
          event.at.getTime(),
        ]);
      chunks.push({ _id: `${roomId}:${n}`, roomId, n, events: JSON.stringify(packed) });
    }
  }
  return { channels, chunks };
}
