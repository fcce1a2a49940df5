import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STILL_CSS, STILL_ID, stillPreview } from '../../../../controller/live/stillPreview';

/** The few DOM calls stillPreview makes, on a document of its own. */
function fakeDocument() {
  const appended: Array<{ id: string; textContent: string }> = [];
  const doc = {
    head: { append: (el: { id: string; textContent: string }) => appended.push(el) },
    getElementById: (id: string) => appended.find((el) => el.id === id) ?? null,
    createElement: () => ({ id: '', textContent: '' }),
  };
  return { doc, appended };
}
const frameOf = (contentDocument: unknown) => ({ contentDocument }) as unknown as HTMLIFrameElement;

describe('the Live preview drawn still', () => {
  it('adds the still rule to a same-origin preview once, however often it loads', () => {
    const { doc, appended } = fakeDocument();
    stillPreview(frameOf(doc));
    stillPreview(frameOf(doc));
    expect(appended).toEqual([{ id: STILL_ID, textContent: STILL_CSS }]);
  });

  it('leaves a preview of another site alone (its document cannot be read)', () => {
    const crossSite = {
      get contentDocument(): never {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    } as unknown as HTMLIFrameElement;
    expect(() => stillPreview(crossSite)).not.toThrow();
    expect(() => stillPreview(frameOf(null))).not.toThrow();
  });

  it('stops every animation and transition on the stage but the transport note’s fade', () => {
    expect(STILL_CSS).toMatch(/^\.fc-stage \*:not\(\.fc-note\), /);
    expect(STILL_CSS).toContain('animation: none !important');
    expect(STILL_CSS).toContain('transition: none !important');
    // The note fades by an animation that ends hidden (forwards): the rule leaves it alone.
    const css = readFileSync(
      new URL('../../../../overlay/lib/overlay.css', import.meta.url),
      'utf8',
    );
    expect(css).toMatch(/\.fc-note \{[^}]*animation: fc-note-out [^}]*forwards;/);
  });
});
