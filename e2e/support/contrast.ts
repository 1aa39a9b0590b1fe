/**
 * WCAG 2 contrast ratio of two CSS colours as getComputedStyle gives them ("rgb(r, g, b)" or "rgba(…)"),
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio. Opaque colours only (the pages' inputs and buttons are).
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
