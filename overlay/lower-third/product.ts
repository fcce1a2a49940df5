/** Product-card readings, kept out of the components so they are tested on their own. */

/** Two letters standing in for a missing product photo: "Wireless Earbuds" → "WE". */
export function monogram(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const letters = words.slice(0, 2).map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '');
  return letters.join('').toUpperCase() || '•';
}

/** Whole-percent saving against retail, or null when there is none worth showing. */
export function savingPercent(retail: number, price: number): number | null {
  if (retail <= 0 || price >= retail) return null;
  const pct = Math.round((1 - price / retail) * 100);
  return pct >= 1 ? pct : null;
}
