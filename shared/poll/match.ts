/**
 * How a chat comment is read as a vote or a giveaway entry, in any language: compared after
 * Unicode NFKC (full-width "ＲＥＤ" and "１" become "red" and "1", half-width katakana become
 * full-width), lower-cased, with punctuation and symbols turned into spaces. A keyword in a
 * script written without spaces (Chinese, Japanese, Thai, …) matches anywhere in the comment;
 * any other keyword matches whole words only, so "red" never votes from "bored".
 */

/** Scripts written without spaces between words: a keyword there is found inside the text. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** NFKC, lower case, punctuation and symbols to spaces, whitespace folded. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the normalised comment holds the normalised keyword (see the file comment). */
export function hasKeyword(comment: string, keyword: string): boolean {
  if (!keyword) return false;
  if (UNSPACED.test(keyword)) return comment.includes(keyword);
  return ` ${comment} `.includes(` ${keyword} `);
}

/**
 * A matcher for the options of one poll: the comment `2` (alone, any width, `#2` or `2!`)
 * votes for option 2; otherwise a comment holding the keywords of exactly one option votes for
 * it (an option's label is one of its keywords). Two options named in one comment is no vote.
 */
export function voteMatcher(
  options: ReadonlyArray<{ label: string; keywords: readonly string[] }>,
) {
  const words = options.map((o) => [
    ...new Set([o.label, ...o.keywords].map(normalise).filter(Boolean)),
  ]);
  return (text: string): number | null => {
    const comment = normalise(text);
    if (/^\d+$/.test(comment)) {
      const n = Number(comment);
      return n >= 1 && n <= options.length ? n - 1 : null;
    }
    let hit: number | null = null;
    for (let i = 0; i < words.length; i++) {
      if (!words[i]!.some((w) => hasKeyword(comment, w))) continue;
      if (hit !== null) return null;
      hit = i;
    }
    return hit;
  };
}

/** A matcher for a giveaway's keyword. */
export function keywordMatcher(keyword: string) {
  const word = normalise(keyword);
  return (text: string): boolean => hasKeyword(normalise(text), word);
}
