import type { FocusTarget, LiveControls } from './liveControls.svelte';

/** A Svelte attachment-free action: focuses the node whenever `controls` asks for `target`. */
export function focusOn(node: HTMLElement, [controls, target]: [LiveControls, FocusTarget]) {
  let seen = controls.focusRequest?.n ?? 0;
  const cleanup = $effect.root(() => {
    $effect(() => {
      const request = controls.focusRequest;
      if (request && request.target === target && request.n !== seen) {
        seen = request.n;
        node.focus();
        if (node instanceof HTMLInputElement) node.select();
      }
    });
  });
  return { destroy: cleanup };
}
