import { afterEach, describe, expect, it, vi } from 'vitest';
import { previewSite } from '../../../../controller/live/previewSite';

class FakeSocket {
  static last: FakeSocket | null = null;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  close() {
    this.closed = true;
  }
}
const open = (url: string) => new FakeSocket(url);
const page = { protocol: 'http:', host: 'localhost:5173' };

afterEach(() => {
  vi.useRealTimers();
  FakeSocket.last = null;
});

describe('previewSite', () => {
  it('uses the twin over the relay when its relay answers', async () => {
    const site = previewSite(page, open, 1500, 8);
    expect(FakeSocket.last?.url).toBe('ws://127.0.0.1:5173/relay');
    FakeSocket.last!.onopen!();
    await expect(site).resolves.toEqual({ origin: 'http://127.0.0.1:5173', transport: 'relay' });
    expect(FakeSocket.last!.closed).toBe(true);
  });

  it('stays same-origin when the twin refuses or never answers', async () => {
    const refused = previewSite(page, open, 1500, 8);
    FakeSocket.last!.onerror!();
    await expect(refused).resolves.toEqual({ origin: '', transport: 'auto' });

    vi.useFakeTimers();
    const silent = previewSite({ protocol: 'https:', host: '127.0.0.1:5173' }, open, 1500, 8);
    expect(FakeSocket.last?.url).toBe('wss://localhost:5173/relay');
    vi.advanceTimersByTime(1500);
    await expect(silent).resolves.toEqual({ origin: '', transport: 'auto' });
    expect(FakeSocket.last!.closed).toBe(true);
  });

  it('stays same-origin, opening nothing, on a name with no twin', async () => {
    await expect(
      previewSite({ protocol: 'http:', host: '192.168.1.5:5173' }, open, 1500, 8),
    ).resolves.toEqual({ origin: '', transport: 'auto' });
    expect(FakeSocket.last).toBeNull();
  });

  it('stays in the controller’s process, opening nothing, on two cores or fewer', async () => {
    for (const cores of [1, 2])
      await expect(previewSite(page, open, 1500, cores)).resolves.toEqual({
        origin: '',
        transport: 'auto',
      });
    expect(FakeSocket.last).toBeNull();
    const three = previewSite(page, open, 1500, 3);
    FakeSocket.last!.onopen!();
    await expect(three).resolves.toEqual({ origin: 'http://127.0.0.1:5173', transport: 'relay' });
  });

  it('counts unknown cores as enough', async () => {
    const site = previewSite(page, open, 1500, undefined);
    FakeSocket.last!.onopen!();
    await expect(site).resolves.toEqual({ origin: 'http://127.0.0.1:5173', transport: 'relay' });
  });
});
