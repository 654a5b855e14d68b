import { useInitiativesLive } from '../hooks/use-initiatives-live';

/** Renders nothing; keeps the initiatives cache live. Mount once inside the signed-in layout. */
export function InitiativesLive() {
  useInitiativesLive();
  return null;
}
