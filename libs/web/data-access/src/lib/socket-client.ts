import {
  HTTP_STATUS_BY_CODE,
  type Ack,
  type ClientToServerEvents,
  type Message,
  type ServerToClientEvents,
} from '@helix/contract';
import { useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import { refreshTokens } from './api-client';
import { ApiError } from './api-error';
import { Outbox, type OutboxSocket } from './outbox';
import { jittered, retryDelay, SOCKET_RECONNECTION, type Backoff } from './retry';
import { RoomSync, type RoomSyncSocket } from './room-sync';
import { i18n } from './i18n/i18n';
import { createStore, safeStorage } from './store';
import { tokenStorage } from './token-storage';

export interface HelixServerToClientEvents extends ServerToClientEvents {
  /** Sent just before the server drops a socket whose access token ran out. */
  'session:expired': () => void;
}

export type HelixSocket = Socket<HelixServerToClientEvents, ClientToServerEvents>;

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

/** After this many failed attempts in a row the server counts as unreachable, not just slow. */
const OFFLINE_AFTER_ATTEMPTS = 3;
/** The wait before renewing the session again while the server cannot be reached. */
const RENEW_RETRY_MS = 5_000;
/** Connecting again by hand after the server refused the socket (it is restarting, say). */
const MANUAL_RECONNECT: Backoff = { baseMs: 3_000, maxMs: 30_000 };

const connectionStore = createStore<ConnectionState>('offline');
let socket: HelixSocket | null = null;
let roomSync: RoomSync | null = null;
let outbox: Outbox | null = null;
let wanted = false;
let failedAttempts = 0;
let renewing = false;
let renewTimer: ReturnType<typeof setTimeout> | null = null;

function computeState(): ConnectionState {
  // A socket can look connected for a while after the network is gone; the browser knows sooner.
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  if (socket?.connected) return 'connected';
  if (!wanted) return 'offline';
  return failedAttempts >= OFFLINE_AFTER_ATTEMPTS ? 'offline' : 'reconnecting';
}

function updateState(): void {
  connectionStore.set(computeState());
}

function isAuthFailure(error: Error & { data?: { code?: string } }): boolean {
  return error.data?.code === 'UNAUTHORIZED' || /unauthori[sz]ed|expired|token/i.test(error.message);
}

/** The server refused or dropped us for the token: get a new one, then connect again by hand. */
async function renewAndReconnect(staleToken: string | null): Promise<void> {
  if (renewing || !wanted) return;
  renewing = true;
  try {
    const renewed = await refreshTokens(staleToken);
    if (!wanted) return;
    if (renewed) {
      if (!socket?.connected) socket?.connect();
    } else if (tokenStorage.get()) {
      // The server is unreachable rather than the session over: try again a little later.
      renewTimer ??= setTimeout(() => {
        renewTimer = null;
        void renewAndReconnect(tokenStorage.getAccessToken());
      }, jittered(RENEW_RETRY_MS));
    }
  } finally {
    renewing = false;
  }
}

function createSocket(): HelixSocket {
  const created: HelixSocket = io({
    autoConnect: false,
    transports: ['websocket', 'polling'],
    ...SOCKET_RECONNECTION,
    // The UI language goes along so that error acks come back in it (read again on every reconnect).
    auth: (cb) => cb({ token: tokenStorage.getAccessToken() ?? '', lang: i18n.resolvedLanguage ?? 'en' }),
  });
  created.on('connect', () => {
    failedAttempts = 0;
    updateState();
  });
  created.on('disconnect', (reason) => {
    // Only a server-side disconnect stops Socket.IO's own reconnection; the usual cause is an expired session.
    if (reason === 'io server disconnect') void renewAndReconnect(tokenStorage.getAccessToken());
    updateState();
  });
  created.on('connect_error', (error) => {
    failedAttempts += 1;
    if (isAuthFailure(error)) void renewAndReconnect(tokenStorage.getAccessToken());
    // A refusal by the server (not a network failure) ends Socket.IO's own reconnection.
    else if (!created.active && wanted)
      setTimeout(
        () => wanted && !created.connected && created.connect(),
        retryDelay(failedAttempts - 1, MANUAL_RECONNECT),
      );
    updateState();
  });
  created.on('session:expired', () => void renewAndReconnect(tokenStorage.getAccessToken()));
  created.io.on('reconnect_attempt', updateState);
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => {
      if (wanted) {
        // The old transport may have died silently while offline: start a fresh one instead of
        // waiting for the ping timeout; the rooms re-join and the outbox re-sends on connect.
        if (created.connected) created.disconnect();
        created.connect();
      }
      updateState();
    });
    window.addEventListener('offline', () => {
      // Drop the socket now: a dead transport could otherwise look connected until the ping timeout,
      // and whatever the rooms miss meanwhile comes back through the seq replay on `online`.
      if (wanted && created.connected) created.disconnect();
      updateState();
    });
  }
  return created;
}

/** The one Socket.IO connection of this tab. */
export function getSocket(): HelixSocket {
  socket ??= createSocket();
  return socket;
}

/** Connects (once signed in); reconnection is automatic from then on. */
export function startSocket(): void {
  wanted = true;
  const current = getSocket();
  if (!current.connected && !current.active) current.connect();
  updateState();
}

/** Disconnects and forgets live state (on sign-out). */
export function stopSocket(): void {
  wanted = false;
  if (renewTimer) clearTimeout(renewTimer);
  renewTimer = null;
  socket?.disconnect();
  roomSync?.dispose();
  roomSync = null;
  outbox?.setUser(null);
  safeStorage.write(SEQ_KEY, null);
  updateState();
}

export const connectionState = { get: connectionStore.get, subscribe: connectionStore.subscribe };

/** A page the server renders is read while the app loads, not offline: it shows no alarm for that. */
const serverConnectionState = (): ConnectionState => 'connected';

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(connectionStore.subscribe, connectionStore.get, serverConnectionState);
}

const SEQ_KEY = 'helix.room-seq';

export function getRoomSync(): RoomSync {
  if (!roomSync) {
    const seqs = safeStorage.read<Record<string, number>>(SEQ_KEY) ?? {};
    roomSync = new RoomSync(getSocket() as unknown as RoomSyncSocket, {
      loadSeq: (roomId) => (typeof seqs[roomId] === 'number' ? seqs[roomId] : null),
      saveSeq: (roomId, seq) => {
        seqs[roomId] = seq;
        safeStorage.write(SEQ_KEY, seqs);
      },
    });
    // Seeing the server's copy of a message we sent retires its optimistic twin.
    roomSync.subscribe((event) => {
      if (event.type === 'message.created') getOutbox().reconcile(event.payload as Message);
    });
  }
  return roomSync;
}

export function getOutbox(): Outbox {
  outbox ??= new Outbox(getSocket() as unknown as OutboxSocket);
  return outbox;
}

type AckPayload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends (
  ack: Ack<infer R>,
) => void
  ? R
  : never;

/** Emits a client event and resolves with its ack, or rejects with an ApiError. */
export function socketRequest<E extends keyof ClientToServerEvents>(
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs = 10_000,
): Promise<AckPayload<E>> {
  const current = getSocket();
  if (!current.connected) return Promise.reject(ApiError.unavailable('notConnected'));
  return new Promise((resolve, reject) => {
    const emitter = current.timeout(timeoutMs) as unknown as {
      emit(event: string, payload: unknown, ack: (error: Error | null, ack: Ack<object>) => void): void;
    };
    emitter.emit(event, payload, (error, ack) => {
      if (error) reject(ApiError.unavailable('timeout'));
      else if (ack.ok) resolve(ack as unknown as AckPayload<E>);
      else reject(new ApiError(HTTP_STATUS_BY_CODE[ack.error.code] ?? 0, ack.error.code, ack.error.message));
    });
  });
}
