/** The accent colour when the partner picks none or an invalid one: 6.4:1 against white. */
const DEFAULT_ACCENT = '#b3261e';

/** WCAG 2.x contrast ratio of an sRGB colour (0–255 channels) against white. */
export const contrastWithWhite = (rgb: readonly number[]) =>
  1.05 /
  rgb.reduce((sum, value, i) => {
    const c = value / 255;
    return sum + ([0.2126, 0.7152, 0.0722][i] ?? 0) * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  }, 0.05);

/**
 * The partner's accent colour (any CSS colour), darkened until white text on it, and it as text on white, reach
 * 4.5:1 (WCAG AA). The browser parses the colour by painting it over white on a canvas, which also flattens
 * transparency and any colour space into sRGB. Kept small: the loader (2 KB) carries it too.
 */
export function safeAccent(color: string | undefined): string {
  let rgb = [179, 38, 30];
  try {
    const context = document.createElement('canvas').getContext('2d');
    if (context) {
      context.fillStyle = '#fff';
      context.fillRect(0, 0, 1, 1);
      context.fillStyle = DEFAULT_ACCENT;
      context.fillStyle = color || DEFAULT_ACCENT;
      context.fillRect(0, 0, 1, 1);
      rgb = [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    }
  } catch {
    // No canvas, or a privacy setting refuses to read it: the default.
  }
  while (contrastWithWhite(rgb) < 4.5) rgb = rgb.map((value) => (value * 0.9) | 0);
  return `rgb(${String(rgb)})`;
}
