/**
 * Services that add their own C2PA manifest when they transform an image (resize, re-encode), so the
 * active signer is the service and the origin is further down the ingredient chain (docs/verdict-rules.md).
 * Each entry names where the service documents doing so.
 */
export interface ResigningService {
  name: string;
  /** Matched against the signer's common name and issuer, and the claim generator. */
  pattern: RegExp;
  source: string;
}

export const RESIGNING_SERVICES: readonly ResigningService[] = [
  {
    name: 'Cloudflare',
    pattern: /\bcloudflare\b/i,
    source: 'Cloudflare Images "Preserve Content Credentials" (blog.cloudflare.com, 2025-02)',
  },
  {
    name: 'Cloudinary',
    pattern: /\bcloudinary\b/i,
    source: 'Cloudinary Content Credentials (C2PA) transformation docs (cloudinary.com/documentation)',
  },
  {
    name: 'ImageKit',
    pattern: /\bimagekit\b/i,
    source: 'ImageKit C2PA support for transformed images (imagekit.io/docs)',
  },
  {
    name: 'Fastly',
    pattern: /\bfastly\b/i,
    source: 'Fastly Image Optimizer C2PA preservation (fastly.com/documentation)',
  },
  {
    name: 'Akamai',
    pattern: /\bakamai\b/i,
    source: 'Akamai Image & Video Manager Content Credentials (techdocs.akamai.com)',
  },
];

/** The re-signing service these names belong to, if any. */
export function resigningService(...names: Array<string | undefined>): string | undefined {
  for (const service of RESIGNING_SERVICES) {
    if (names.some((n) => n !== undefined && service.pattern.test(n))) return service.name;
  }
  return undefined;
}
