/** Labels of time splits (seconds, UTC): mm/yyyy a month or more apart, dd/mm a day or more, else the 24-hour time. */
export function dayLabels(splits: readonly number[]): string[] {
  const step = splits.length > 1 ? Math.abs((splits[1] ?? 0) - (splits[0] ?? 0)) : 86_400;
  const two = (n: number) => String(n).padStart(2, '0');
  return splits.map((v) => {
    const d = new Date(v * 1000);
    if (step >= 28 * 86_400) return `${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    if (step >= 86_400) return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}`;
    return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  });
}
