/**
 * Options for `expect.poll` on something that changes within milliseconds (a view crossing
 * BroadcastChannel, an ack): Playwright's own intervals wait 100, 250, 500 then 1,000 ms
 * between reads, so a value that lands 5 ms after the first read costs 100–350 ms. Inside a
 * loop of 35 payloads × 4 checks (802) that was most of the test. Same condition, same
 * timeout: only read more often. A locator assertion (`toHaveText`) polls quickly already.
 */
export const quick: { intervals: number[] } = { intervals: [10, 25, 50, 100] };
