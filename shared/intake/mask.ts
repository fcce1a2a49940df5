/**
 * Buyer names on air, masked when the seller chooses (`anna` → `a***a`): the first and last
 * character stay so a buyer can still recognise their own order in the ticker. Counted in
 * code points, so an emoji or a CJK name is never cut in half.
 */
export function maskBuyer(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return `${chars[0]}***`;
  return `${chars[0]}***${chars[chars.length - 1]}`;
}
