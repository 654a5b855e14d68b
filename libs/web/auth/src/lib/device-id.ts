const DEVICE_ID_KEY = 'helix.deviceId';

/** A random version 4 UUID; `crypto.randomUUID` exists only on https, and the venue's address may be http. */
function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** This browser's own random id, made once: the server counts the devices a badge signed in with it. */
export function deviceId(): string {
  const kept = localStorage.getItem(DEVICE_ID_KEY);
  if (kept) return kept;
  const made = randomUuid();
  localStorage.setItem(DEVICE_ID_KEY, made);
  return made;
}
