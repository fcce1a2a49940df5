import { describe, expect, it } from 'vitest';
import { parseObsFragment } from '../../../../shared/obs/fragment';

describe('parseObsFragment', () => {
  it('reads the address and password', () => {
    expect(parseObsFragment('#obs=ws://127.0.0.1:4455&password=s3cr%26t')).toEqual({
      ok: true,
      url: 'ws://127.0.0.1:4455',
      password: 's3cr&t',
    });
    expect(parseObsFragment('#obs=wss://obs.local:4455')).toEqual({
      ok: true,
      url: 'wss://obs.local:4455',
    });
  });

  it('says when there is none, or it is wrong', () => {
    expect(parseObsFragment('')).toEqual({ ok: false, reason: 'absent' });
    expect(parseObsFragment('#theme=dark')).toEqual({ ok: false, reason: 'absent' });
    expect(parseObsFragment('#obs=http://127.0.0.1:4455')).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringMatching(/ws:\/\//),
    });
    expect(parseObsFragment('#obs=127.0.0.1')).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
