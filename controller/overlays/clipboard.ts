/**
 * Copy with a way out: the async clipboard needs a secure context (https or localhost) and,
 * in some browsers, a permission. Where it is missing or refused, the caller selects the text
 * so Ctrl+C / ⌘C still works.
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard,
): Promise<boolean> {
  if (!clipboard?.writeText) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects an element's text, ready for the keyboard's copy. */
export function selectText(element: HTMLElement): void {
  const selection = element.ownerDocument.getSelection();
  if (!selection) return;
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
