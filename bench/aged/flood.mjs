// Does one client flooding every kind of socket event slow down another user's reading? A reader pages the
// biggest thread's history (newest page, then a deep one, in turn), first alone, then while one socket
// sends `perKind` events of each kind at once, kind after kind, as fast as it can. The benchmark raises the
// send limit (see helix-server.mjs), so sends, edits, deletions, reactions and votes reach their handlers;
// the other kinds meet Helix's own per-person limits.
import { log, ms, sleep, stats } from '../harness.mjs';
import { openSocket, request, timed } from './operations.mjs';

/** A well-formed id no document has. */
const MISSING_ID = '0123456789abcdef01234567';

/** The kinds of event the flooder sends, each as a payload for its i-th copy. */
function floodKinds(m, pass) {
  const [reacted, someoneElses] = m.early.edit;
  return {
    'message:delete (missing id)': () => ['message:delete', { messageId: MISSING_ID }],
    'room:join': () => ['room:join', { roomId: m.bigRoomId }],
    'session:renew (bad token)': () => ['session:renew', { token: 'not-a-token' }],
    'message:edit (own message)': (i) => [
      'message:edit',
      { messageId: m.flooderMessage.id, text: `Flood edit ${pass}.${i}` },
    ],
    'reaction:toggle': () => ['reaction:toggle', { messageId: reacted.id, emoji: '👀' }],
    typing: () => ['typing', { roomId: m.bigRoomId, threadId: m.bigThreadId }],
    'poll:vote': (i) => [
      'poll:vote',
      { pollId: m.openPoll?.id ?? MISSING_ID, optionIds: [m.openPoll?.optionIds[i % 2] ?? MISSING_ID] },
    ],
    'message:hide (not a moderator)': () => ['message:hide', { messageId: someoneElses.id, reason: 'flood' }],
    'message:send (another thread)': (i) => [
      'message:send',
      {
        roomId: m.bigRoomId,
        threadId: m.otherThreadId,
        text: `Flood ${pass}.${i}`,
        clientId: `flood-${pass}-${i}`,
      },
    ],
  };
}

export async function flood(ctx, { perKind, maxS }) {
  const m = ctx.manifest;
  const flooderIdx = m.flooderMessage.authorIdx;
  const readerIdx = m.probes.find((idx) => idx !== flooderIdx);
  const reader = ctx.tokenOf(readerIdx);
  const pages = [
    `/rooms/${m.bigRoomId}/messages?threadId=${m.bigThreadId}&limit=50`,
    `/rooms/${m.bigRoomId}/messages?threadId=${m.bigThreadId}&limit=50&beforeSeq=${m.deepPage.beforeSeq}`,
  ];
  const read = (i) => request(ctx, pages[i % 2], { token: reader });
  const alone = await timed(ctx, 'history alone', ctx.samples, read);

  ctx.watch.operation = `${ctx.column}: flood (connecting)`;
  const { socket } = await openSocket(ctx, ctx.tokenOf(flooderIdx), m.bigRoomId);
  let flooding = true;
  const during = [];
  const readErrors = { failed: 0, timeouts: 0 };
  const reading = (async () => {
    for (let i = 0; flooding && !ctx.watch.tripped; i++) {
      const t0 = performance.now();
      try {
        await read(i);
        if (flooding) during.push(performance.now() - t0);
      } catch (error) {
        if (error?.name === 'TimeoutError') readErrors.timeouts += 1;
        else readErrors.failed += 1;
        await sleep(100);
      }
    }
  })();
  const kinds = {};
  const started = performance.now();
  let passes = 0;
  try {
    // Passes repeat until the reader has made as many reads as it did alone (or time is up).
    do {
      passes += 1;
      for (const [kind, payload] of Object.entries(floodKinds(m, passes))) {
        if (ctx.watch.tripped) break;
        ctx.watch.operation = `${ctx.column}: flood ${kind}`;
        const t0 = performance.now();
        const acks = await Promise.allSettled(
          Array.from({ length: perKind }, (_, i) => socket.emitWithAck(...payload(i), ctx.timeoutMs)),
        );
        const tally = (kinds[kind] ??= { sent: 0, ok: 0, refused: {}, timeouts: 0, errors: 0, ms: 0 });
        tally.sent += perKind;
        tally.ms += performance.now() - t0;
        for (const ack of acks) {
          if (ack.status === 'rejected') {
            if (/no ack within/.test(String(ack.reason?.message))) tally.timeouts += 1;
            else tally.errors += 1;
          } else if (ack.value?.ok) tally.ok += 1;
          else {
            const code = ack.value?.error?.code ?? 'unknown';
            tally.refused[code] = (tally.refused[code] ?? 0) + 1;
          }
        }
        log(
          `  ${ctx.column} flood ${kind}: ${perKind} in ${(performance.now() - t0).toFixed(0)} ms, ok ${acks.filter((a) => a.value?.ok).length}`,
        );
      }
    } while (
      !ctx.watch.tripped &&
      socket.connected &&
      during.length + readErrors.failed + readErrors.timeouts < ctx.samples &&
      performance.now() - started < maxS * 1000
    );
  } finally {
    flooding = false;
    socket.close();
  }
  await reading;
  const duringStats = { ...stats(during), ok: during.length, ...readErrors };
  const result = {
    perKind,
    passes,
    seconds: +((performance.now() - started) / 1000).toFixed(1),
    kinds: Object.fromEntries(Object.entries(kinds).map(([k, t]) => [k, { ...t, ms: +t.ms.toFixed(0) }])),
    historyAlone: alone,
    historyDuringFlood: duringStats,
    p50Ratio: duringStats.p50 / alone.p50,
    p95Ratio: duringStats.p95 / alone.p95,
  };
  log(
    `  ${ctx.column} flood: history p50 ${ms(alone.p50)} → ${ms(duringStats.p50)} (×${result.p50Ratio.toFixed(2)}), p95 ${ms(alone.p95)} → ${ms(duringStats.p95)} (×${result.p95Ratio.toFixed(2)}) over ${during.length} reads`,
  );
  return result;
}
