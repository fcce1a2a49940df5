/**
 * Hellos are answered at once, then at most once per window (and once more at its end if any
 * came meanwhile): a page (or a tool) saying hello thousands of times must not make the
 * controller send thousands of views, words or copies of an uploaded image to every page.
 */
export function helloThrottle(answer: () => void, windowMs: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waiting = false;
  const hello = (): void => {
    if (timer) {
      waiting = true;
      return;
    }
    answer();
    timer = setTimeout(() => {
      timer = null;
      if (waiting) {
        waiting = false;
        hello();
      }
    }, windowMs);
  };
  return {
    hello,
    stop(): void {
      if (timer) clearTimeout(timer);
    },
  };
}
