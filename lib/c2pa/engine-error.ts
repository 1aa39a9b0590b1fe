/**
 * Turns what the engine throws into a category and a plain reason. c2pa-wasm rejects with the Debug form
 * of c2pa-rs's `Error` enum as a string, e.g. `C2pa(JumbfNotFound)`, `C2pa(InvalidAsset("..."))` or
 * `C2pa(RemoteManifestUrl("https://…"))`. A WebAssembly trap (a Rust panic) arrives as a RuntimeError.
 */

export type EngineErrorKind =
  /** No C2PA data in the file (JumbfNotFound / ProvenanceMissing). */
  | 'no-manifest'
  /** The file points at a remote manifest instead of embedding one (remote fetching is off in the engine). */
  | 'remote-url'
  /** The engine tried to fetch a remote manifest and failed (only in our controlled remote read). */
  | 'remote-fetch'
  | 'unsupported'
  /** The file itself is damaged or truncated. */
  | 'malformed-asset'
  /** C2PA data is present but cannot be parsed or uses something unsupported. */
  | 'malformed-manifest'
  | 'too-large'
  /** The engine crashed (WebAssembly trap). */
  | 'crash'
  | 'other';

export interface EngineErrorInfo {
  kind: EngineErrorKind;
  /** One sentence for the user ("Could not check: …"). */
  reason: string;
  /** For `remote-url`: the manifest URL the file names. */
  remoteUrl?: string;
  /** The engine's variant name (`InvalidAsset` …), for logs and tests. */
  variant?: string;
}

const MAX_DETAIL = 160;

/** Undoes Rust's Debug escaping of a string literal (`\"`, `\\`, `\n`, `\u{…}`). */
function unescapeRust(text: string): string {
  return text.replace(/\\(u\{([0-9a-fA-F]{1,6})\}|.)/g, (_m, esc: string, hex?: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (esc === 'n') return '\n';
    if (esc === 't') return '\t';
    if (esc === 'r') return '\r';
    return esc;
  });
}

/** The first quoted argument of `Variant("…")`, unescaped. */
function quotedArgument(text: string): string | undefined {
  const match = /\("((?:[^"\\]|\\.)*)"\)/.exec(text);
  return match?.[1] === undefined ? undefined : unescapeRust(match[1]);
}

function clean(detail: string | undefined): string {
  if (!detail) return '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const flat = detail.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL)}…` : flat;
}

function isTrap(error: unknown): boolean {
  return (
    typeof WebAssembly !== 'undefined' &&
    typeof WebAssembly.RuntimeError === 'function' &&
    error instanceof WebAssembly.RuntimeError
  );
}

const MALFORMED_MANIFEST =
  /^(Jumbf|Claim|Cose|Assertion|Cbor|Json|Ingredient|HashMismatch|TooMany|BadManifest|InvalidClaim|InvalidCoseSignature|Prerelease|Xmp|Unknown|Unsupported(Thumbnail|Signature)|NotFound|ResourceNotFound|OtherError|Manifest)/;

/** Classifies anything the engine threw. Never throws. */
export function classifyEngineError(error: unknown): EngineErrorInfo {
  if (isTrap(error)) {
    return { kind: 'crash', reason: 'The C2PA engine crashed on this file.', variant: 'RuntimeError' };
  }
  const text =
    typeof error === 'string'
      ? error
      : error instanceof Error
        ? error.message
        : String(error ?? 'unknown error');
  const variant = /^C2pa\((\w+)/.exec(text)?.[1];
  const inner = /^C2pa\(([\s\S]*)\)$/.exec(text)?.[1] ?? text;

  switch (variant) {
    case 'JumbfNotFound':
    case 'ProvenanceMissing':
      return { kind: 'no-manifest', reason: 'No Content Credentials in this file.', variant };
    case 'RemoteManifestUrl': {
      const url = quotedArgument(inner);
      return {
        kind: 'remote-url',
        reason: `The Content Credentials are stored remotely${url ? ` at ${url}` : ''}.`,
        variant,
        ...(url ? { remoteUrl: url } : {}),
      };
    }
    case 'RemoteManifestFetch':
      return {
        kind: 'remote-fetch',
        reason: `The remote Content Credentials could not be fetched (${clean(quotedArgument(inner))}).`,
        variant,
      };
    case 'UnsupportedType':
      return {
        kind: 'unsupported',
        reason: 'This file format is not supported by the C2PA checker.',
        variant,
      };
    case 'InvalidAsset':
      return {
        kind: 'malformed-asset',
        reason: `The file is damaged or not what it claims to be (${clean(quotedArgument(inner)) || 'invalid asset'}).`,
        variant,
      };
    case 'IoError':
      return { kind: 'malformed-asset', reason: 'The file is truncated or unreadable.', variant };
    case 'InsufficientMemory':
      return { kind: 'too-large', reason: 'The file is too large to check.', variant };
    case 'UnknownAlgorithm':
    case 'CoseSignatureAlgorithmNotSupported':
      return {
        kind: 'malformed-manifest',
        reason: 'Content Credentials are present but use a missing or unsupported signature algorithm.',
        variant,
      };
    case 'PrereleaseError':
      return {
        kind: 'malformed-manifest',
        reason:
          'Content Credentials are present but were made by a pre-release tool and cannot be validated.',
        variant,
      };
    case 'BadParam':
      // Our own settings were rejected: a bug here, not a property of the file.
      return { kind: 'other', reason: `The C2PA checker rejected its settings (${clean(inner)}).`, variant };
    default:
      break;
  }
  if (variant && MALFORMED_MANIFEST.test(variant)) {
    return {
      kind: 'malformed-manifest',
      reason: `Content Credentials are present but malformed (${variant}).`,
      variant,
    };
  }
  if (/insufficient memory|out of memory|allocation/i.test(text)) {
    return { kind: 'too-large', reason: 'The file is too large to check.', ...(variant ? { variant } : {}) };
  }
  return {
    kind: 'other',
    reason: `The C2PA checker could not read this file (${clean(text) || 'unknown error'}).`,
    ...(variant ? { variant } : {}),
  };
}
