import type { HexString } from '../evidence/types.ts';

/** Lower-case hex, no 0x (the HexString convention of lib/evidence/types.ts). */
export function bytesToHex(bytes: Uint8Array): HexString {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] as number).toString(16).padStart(2, '0');
  return s;
}
