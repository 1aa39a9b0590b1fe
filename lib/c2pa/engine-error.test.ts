import { describe, expect, it } from 'vitest';
import { classifyEngineError } from './engine-error.ts';

describe('classifyEngineError', () => {
  it('no manifest', () => {
    expect(classifyEngineError('C2pa(JumbfNotFound)')).toMatchObject({
      kind: 'no-manifest',
      variant: 'JumbfNotFound',
    });
    expect(classifyEngineError('C2pa(ProvenanceMissing)').kind).toBe('no-manifest');
  });

  it('extracts and unescapes the remote manifest URL', () => {
    const url =
      'https://cai-manifests.adobe.com/manifests/adobe-urn-uuid-5f37e182-3687-462e-a7fb-573462780391';
    expect(classifyEngineError(`C2pa(RemoteManifestUrl("${url}"))`)).toMatchObject({
      kind: 'remote-url',
      remoteUrl: url,
    });
    expect(classifyEngineError('C2pa(RemoteManifestUrl("https://x.test/a\\"b"))').remoteUrl).toBe(
      'https://x.test/a"b',
    );
  });

  it('maps the errors seen on malformed input (measured with engine 0.13.3) to plain reasons', () => {
    expect(classifyEngineError('C2pa(InvalidAsset("Could not parse input JPEG"))')).toMatchObject({
      kind: 'malformed-asset',
      reason: 'The file is damaged or not what it claims to be (Could not parse input JPEG).',
    });
    expect(classifyEngineError('C2pa(InvalidAsset("PNG out of range"))').kind).toBe('malformed-asset');
    expect(
      classifyEngineError(
        'C2pa(IoError(Error { kind: UnexpectedEof, message: "failed to fill whole buffer" }))',
      ),
    ).toMatchObject({ kind: 'malformed-asset', reason: 'The file is truncated or unreadable.' });
    expect(classifyEngineError('C2pa(UnsupportedType)').kind).toBe('unsupported');
    expect(classifyEngineError('C2pa(UnknownAlgorithm)')).toMatchObject({ kind: 'malformed-manifest' });
    expect(classifyEngineError('C2pa(JumbfParseError(InvalidBoxHeader))')).toMatchObject({
      kind: 'malformed-manifest',
      reason: 'Content Credentials are present but malformed (JumbfParseError).',
    });
    expect(classifyEngineError('C2pa(ClaimDecoding("x"))').kind).toBe('malformed-manifest');
  });

  it('treats a WebAssembly trap as a crash and a JS Error by its message', () => {
    expect(classifyEngineError(new WebAssembly.RuntimeError('unreachable')).kind).toBe('crash');
    expect(classifyEngineError(new Error('url parse'))).toMatchObject({ kind: 'other' });
    expect(classifyEngineError(undefined).kind).toBe('other');
  });

  it('caps and flattens engine details in the reason', () => {
    const long = `C2pa(InvalidAsset("${'x'.repeat(1000)}\\n\\u{7}"))`;
    const { reason } = classifyEngineError(long);
    expect(reason.length).toBeLessThan(260);
    expect(reason.includes('\n') || reason.includes(String.fromCharCode(7))).toBe(false);
  });
});
