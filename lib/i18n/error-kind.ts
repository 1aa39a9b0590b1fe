/**
 * A short human name for why something could not be checked, for the popup's rows; the raw error (e.g.
 * "NetworkError when attempting to fetch resource.") stays on the details page. The raw texts come from
 * lib/net/fetch-bytes.ts, lib/c2pa/engine-error.ts, the registry readers and the browsers' fetch.
 */
export const ERROR_KINDS = [
  'network',
  'timeout',
  'tooLarge',
  'notFound',
  'forbidden',
  'httpStatus',
  'unsupported',
  'damaged',
  'checker',
  'registry',
  'streamed',
  'emptyText',
  'other',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ErrorSummary {
  kind: ErrorKind;
  /** The HTTP status, for the kinds that name one. */
  status?: number;
}

const RULES: [RegExp, ErrorKind][] = [
  [/no (?:complete )?answer within|timed? ?out|timeout/i, 'timeout'],
  [/too large|too many pixels|over \d+ bytes/i, 'tooLarge'],
  [/streamed|MediaSource|blob:/i, 'streamed'],
  [/registry|\brpc\b/i, 'registry'],
  [/network ?error|failed to fetch|unreachable|broke off|load failed|connection/i, 'network'],
  [/not supported|unsupported|not an image|no decoder|unknown format/i, 'unsupported'],
  [/damaged|truncated|unreadable|corrupt|malformed|invalid asset/i, 'damaged'],
  [/C2PA|Content Credentials|engine|checker/i, 'checker'],
  [/no text|empty|blank/i, 'emptyText'],
];

export function summariseError(raw: string): ErrorSummary {
  const http = /\bHTTP (\d{3})\b/.exec(raw);
  if (http) {
    const status = Number(http[1]);
    if (status === 404 || status === 410) return { kind: 'notFound', status };
    if (status === 401 || status === 403) return { kind: 'forbidden', status };
    return { kind: 'httpStatus', status };
  }
  for (const [pattern, kind] of RULES) if (pattern.test(raw)) return { kind };
  return { kind: 'other' };
}
