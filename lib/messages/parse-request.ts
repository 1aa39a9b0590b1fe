import * as v from 'valibot';
import { BackgroundRequestSchemas } from '../schemas/message-schemas.ts';
import type { BackgroundRequest } from './protocol.ts';
import type { SenderKind } from './sender.ts';

/** Which sender may ask for what. Content scripts live in the page's renderer: they get the least. */
export const allowedFrom: Record<BackgroundRequest['type'], readonly SenderKind[]> = {
  'check-image': ['content', 'page'],
  'check-text': ['content', 'page'],
  'check-media': ['content', 'page'],
  'page-summary': ['content'],
  'page-words': ['content'],
  'open-details': ['content', 'page'],
  'get-details': ['page'],
  'verify-url': ['page'],
  'get-registrations': ['page'],
  'fetch-remote-manifest': ['page'],
  'recover-credentials': ['page'],
  'soft-binding-lookup': ['page'],
  'update-trust-lists': ['page'],
  'clear-cache': ['page'],
};

/**
 * Validates a message's shape before anything acts on it, and checks it against the sender's rights.
 * Returns null for anything malformed, unknown or not allowed from that sender. The shapes and their size
 * bounds are the schemas in lib/schemas/message-schemas.ts; only known keys are copied.
 */
export function parseRequest(raw: unknown, from: SenderKind): BackgroundRequest | null {
  // Own `type` only: a type inherited from a prototype is not what the sender sent.
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'type')) return null;
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(allowedFrom, type)) return null;
  const known = type as BackgroundRequest['type'];
  if (!allowedFrom[known].includes(from)) return null;
  // abortEarly: the first issue ends the parse (no pattern runs over 50 MB, no huge object is walked to the end).
  const parsed = v.safeParse(BackgroundRequestSchemas[known], raw, { abortEarly: true });
  return parsed.success ? parsed.output : null;
}
