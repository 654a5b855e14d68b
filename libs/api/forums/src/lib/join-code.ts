import { JOIN_CODE_ALPHABET } from '@helix/contract';
import { randomInt } from 'node:crypto';

/** A new six-character code for `/join`, from letters and digits that do not read alike. */
export function newJoinCode(): string {
  return Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');
}
