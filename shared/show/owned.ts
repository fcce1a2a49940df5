/**
 * Copy-on-write for the context's growing arrays and records, with one exception: inside
 * `owning(fn)` a list or record this call created itself is changed in place. Replay runs
 * there: it applies thousands of events to a working context whose intermediate snapshots
 * nobody else ever sees, so copying the sales list for every sale (quadratic: 20,000 sales
 * took seconds) buys nothing. Outside `owning` every change copies, so a snapshot handed out
 * (to the UI, a report, a subscriber) is never changed afterwards and each change gets a new
 * identity. What `owning` returns is not owned any more: the set dies with the call.
 */
let owned: WeakSet<object> | null = null;

/** Runs `fn` (synchronous) letting the helpers below change in place what it created. */
export function owning<T>(fn: () => T): T {
  const outer = owned;
  owned = new WeakSet();
  try {
    return fn();
  } finally {
    owned = outer;
  }
}

function mine<T extends object>(copy: T): T {
  owned?.add(copy);
  return copy;
}

/** `list` with `item` at the end. */
export function appended<T>(list: T[], item: T): T[] {
  if (owned?.has(list)) {
    list.push(item);
    return list;
  }
  return mine([...list, item]);
}

/** `list` with `item` at index `i`. */
export function replaced<T>(list: T[], i: number, item: T): T[] {
  const out = owned?.has(list) ? list : mine(list.slice());
  out[i] = item;
  return out;
}

/** `record` with `key` set to `value`. */
export function withKey<V>(record: Record<string, V>, key: string, value: V): Record<string, V> {
  if (owned?.has(record)) {
    record[key] = value;
    return record;
  }
  return mine({ ...record, [key]: value });
}
