/**
 * The Origin Lens mark. public/icon/logo.svg is written by scripts/make-icons.ts, the same source as the
 * toolbar PNGs, so the pages and the toolbar never drift apart.
 */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <img src="/icon/logo.svg" width={size} height={size} alt="" aria-hidden="true" className="shrink-0" />
  );
}
