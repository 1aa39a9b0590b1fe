import { describe, expect, it } from 'vitest';
import { RESIGNING_SERVICES, resigningService } from './resigning-services.ts';

describe('resigningService', () => {
  it('finds a CDN by the signer name, issuer or claim generator', () => {
    expect(resigningService('Cloudflare Images', undefined)).toBe('Cloudflare');
    expect(resigningService(undefined, 'Cloudinary Ltd.')).toBe('Cloudinary');
    expect(resigningService(undefined, undefined, 'ImageKit c2pa/1.2')).toBe('ImageKit');
  });

  it('does not take a publisher or camera for a re-signing service', () => {
    expect(resigningService('Adobe Inc.', 'cai-prod', 'Adobe_Photoshop/24.7.0')).toBeUndefined();
    expect(resigningService('Google LLC', 'Google Media Processing Services')).toBeUndefined();
    expect(resigningService(undefined)).toBeUndefined();
  });

  it('gives every entry a source', () => {
    for (const s of RESIGNING_SERVICES) expect(s.source.length).toBeGreaterThan(10);
  });
});
