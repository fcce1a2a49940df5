import { describe, expect, it } from 'vitest';
import { createResender } from '../../../../shared/obs/resend';
import { fakeLink } from '../../../support/fakeObsLink';
import { sleep } from '../../../support/timers';

function setup() {
  const fake = fakeLink({
    GetInputList: ({ inputKind }) => ({
      inputs: inputKind === 'browser_source' ? [{ inputName: 'Flashcue · ticker', inputKind }] : [],
    }),
  });
  let republished = 0;
  const resender = createResender(fake.link, {
    republish: () => (republished += 1),
    coalesceMs: 10,
  });
  return { fake, resender, count: () => republished };
}

describe('resender', () => {
  it('republishes on every (re)connect', async () => {
    const { fake, count } = setup();
    fake.connect();
    await sleep(30);
    fake.connect();
    await sleep(30);
    expect(count()).toBe(2);
  });

  it('republishes when a browser source becomes active or shown, once per burst', async () => {
    const { fake, resender, count } = setup();
    fake.connect();
    await sleep(30);
    expect([...(resender.watched() ?? [])]).toEqual(['Flashcue · ticker']);
    fake.emit('InputActiveStateChanged', { inputName: 'Flashcue · ticker', videoActive: true });
    fake.emit('InputShowStateChanged', { inputName: 'Flashcue · ticker', videoShowing: true });
    await sleep(30);
    expect(count()).toBe(2);
    fake.emit('InputActiveStateChanged', { inputName: 'Flashcue · ticker', videoActive: false });
    fake.emit('InputActiveStateChanged', { inputName: 'Webcam', videoActive: true });
    await sleep(30);
    expect(count()).toBe(2);
  });

  it('follows inputs being created and renamed', async () => {
    const { fake, count } = setup();
    fake.connect();
    await sleep(30);
    fake.emit('InputCreated', { inputName: 'Product card', inputKind: 'browser_source' });
    fake.emit('InputNameChanged', { oldInputName: 'Product card', inputName: 'Card' });
    fake.emit('InputActiveStateChanged', { inputName: 'Card', videoActive: true });
    await sleep(30);
    expect(count()).toBe(2);
  });

  it('stops on close', async () => {
    const { fake, resender, count } = setup();
    resender.close();
    fake.connect();
    fake.emit('InputActiveStateChanged', { inputName: 'Flashcue · ticker', videoActive: true });
    await sleep(30);
    expect(count()).toBe(0);
  });
});
