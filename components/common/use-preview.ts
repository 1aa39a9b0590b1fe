import { useEffect, useRef, useState } from 'react';
import { fetchPreview } from '../../lib/net/fetch-preview.ts';

/**
 * A `src` for an image preview in an extension page: a `blob:` URL of bytes fetched without cookies or referrer
 * (lib/net/fetch-preview.ts), fetched once the element comes near the view, revoked when it goes. `data:` URLs
 * are used as they are. Returns a ref to put on the element, and the src (undefined until loaded or on failure).
 */
export function usePreview<T extends Element>(url: string | undefined) {
  const ref = useRef<T>(null);
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    setSrc(undefined);
    if (!url) return;
    if (/^data:image\//i.test(url)) {
      setSrc(url);
      return;
    }
    let cancelled = false;
    let objectUrl: string | undefined;
    const load = () => {
      fetchPreview(url, globalThis.fetch.bind(globalThis)).then(
        (blob) => {
          if (cancelled) return;
          objectUrl = URL.createObjectURL(blob);
          setSrc(objectUrl);
        },
        () => {},
      );
    };
    const el = ref.current;
    let observer: IntersectionObserver | undefined;
    if (el && typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          observer?.disconnect();
          load();
        },
        { rootMargin: '200px' },
      );
      observer.observe(el);
    } else {
      load();
    }
    return () => {
      cancelled = true;
      observer?.disconnect();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  return { ref, src };
}
