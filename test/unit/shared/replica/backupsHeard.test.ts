import { describe, expect, test } from 'vitest';
import { BACKUP_HEARD_MS, BackupsHeard } from '../../../../shared/replica/backupsHeard';

describe('BackupsHeard', () => {
  test('only transports heard within the window, newcomers flagged, in the given order', () => {
    let now = 1000;
    const heard = new BackupsHeard<string>(() => now);
    expect(heard.on(['bc', 'relay', 'obs'])).toEqual([]);
    expect(heard.heard('obs')).toBe(true); // a newcomer: the primary announces at once
    expect(heard.heard('relay')).toBe(true);
    now += 1000;
    expect(heard.heard('obs')).toBe(false); // its next hello: already known
    expect(heard.on(['bc', 'relay', 'obs'])).toEqual(['relay', 'obs']);
    now += BACKUP_HEARD_MS; // relay silent for the window plus a second, obs for the window
    expect(heard.on(['bc', 'relay', 'obs'])).toEqual(['obs']);
    now += 1;
    expect(heard.on(['bc', 'relay', 'obs'])).toEqual([]);
    expect(heard.heard('relay')).toBe(true); // back after silence: a newcomer again
  });
});
