import { describe, expect, it } from 'vitest';
import { summariseError } from './error-kind.ts';

describe('summariseError', () => {
  it('names the failures lib/net/fetch-bytes.ts and the browsers report', () => {
    expect(summariseError('network error (NetworkError when attempting to fetch resource.)')).toEqual({
      kind: 'network',
    });
    expect(summariseError('network error (Failed to fetch)').kind).toBe('network');
    expect(summariseError('no answer within 15 s').kind).toBe('timeout');
    expect(summariseError('no complete answer within 30 s').kind).toBe('timeout');
    expect(summariseError('file too large (90000000 bytes, limit 52428800)').kind).toBe('tooLarge');
    expect(summariseError('the download broke off (terminated)').kind).toBe('network');
  });

  it('tells a missing file and a refusal apart from other HTTP errors', () => {
    expect(summariseError('the server answered HTTP 404')).toEqual({ kind: 'notFound', status: 404 });
    expect(summariseError('the server answered HTTP 403')).toEqual({ kind: 'forbidden', status: 403 });
    expect(summariseError('the server answered HTTP 503')).toEqual({ kind: 'httpStatus', status: 503 });
  });

  it('names what the C2PA engine and the registry report, and says "other" for the rest', () => {
    expect(summariseError('This file format is not supported by the C2PA checker.').kind).toBe('unsupported');
    expect(summariseError('The file is truncated or unreadable.').kind).toBe('damaged');
    expect(summariseError('the registry could not be reached (Local devnet: connection refused)').kind).toBe(
      'registry',
    );
    expect(summariseError('The C2PA engine crashed on this file.').kind).toBe('checker');
    expect(summariseError('something odd').kind).toBe('other');
  });
});
