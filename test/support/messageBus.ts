/**
 * An in-memory transport bus for controller-to-controller tests: everyone on the bus hears
 * everyone else (a structured copy, a microtask later, as a real transport delivers); `drop`
 * loses chosen messages in flight.
 */
import type { Transport } from '../../shared/protocol/transport';

export function messageBus() {
  const members = new Set<(data: unknown) => void>();
  let drop: (data: unknown) => boolean = () => false;
  const join = (): Transport => {
    const mine = new Set<(data: unknown) => void>();
    const deliver = (data: unknown) => mine.forEach((l) => l(data));
    members.add(deliver);
    return {
      name: 'bus',
      send: (message) => {
        if (drop(message)) return;
        const copy = structuredClone(message);
        queueMicrotask(() => members.forEach((m) => m !== deliver && m(copy)));
      },
      subscribe: (listener) => {
        mine.add(listener);
        return () => mine.delete(listener);
      },
      close: () => members.delete(deliver),
    };
  };
  return { join, setDrop: (fn: (data: unknown) => boolean) => (drop = fn) };
}
