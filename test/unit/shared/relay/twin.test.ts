import { describe, expect, it } from 'vitest';
import { loopbackTwin } from '../../../../shared/relay/twin';

describe('loopbackTwin', () => {
  it('swaps localhost and 127.0.0.1, keeping the port', () => {
    expect(loopbackTwin('localhost:5173')).toBe('127.0.0.1:5173');
    expect(loopbackTwin('127.0.0.1:5173')).toBe('localhost:5173');
    expect(loopbackTwin('LOCALHOST')).toBe('127.0.0.1');
  });

  it('has no twin for any other name', () => {
    for (const host of [
      undefined,
      '',
      '192.168.1.20:5173',
      '[::1]:5173',
      'evil.localhost:5173',
      'localhost.evil.com',
      '127.0.0.2:5173',
      'localhost:5173/x',
    ])
      expect(loopbackTwin(host)).toBeNull();
  });
});
