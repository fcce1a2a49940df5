// A refused TikFinity / Euler Stream message: the fault is data (path and phrase apart), its
// English words unchanged, and the controller says it in Chinese with the source's field path.
import { describe, expect, it } from 'vitest';
import { fromTikFinity } from '../../../../shared/room/events';
import { fromEulerFrame } from '../../../../shared/room/euler';
import { faultDetail } from '../../../../shared/room/fault';
import {
  RoomFaultSchema,
  audienceRefusalText,
  roomFaultText,
} from '../../../../controller/room/roomFaultText';
import { parseAudienceJson } from '../../../../shared/room/generic';
import { sourceProblem } from '../../../../controller/room/roomWords';

const refusedOf = (n: ReturnType<typeof fromTikFinity>) => {
  if (n.ok || n.why !== 'refused') throw new Error('expected a refusal');
  return n;
};

describe('a refused room message, located, in the controller’s language', () => {
  it('TikFinity: a field of the wrong type and a comment over the limit', () => {
    const bad = refusedOf(fromTikFinity({ event: 'roomUser', data: { viewerCount: 'many' } }));
    expect(bad.detail).toBe('viewerCount: Invalid input: expected number, received string');
    expect(bad.fault).toEqual({
      code: 'field',
      path: 'viewerCount',
      phrase: 'Invalid input: expected number, received string',
    });
    expect(roomFaultText(bad.fault, 'en')).toBe(bad.detail);
    expect(roomFaultText(bad.fault, 'zh-CN')).toBe('viewerCount：应为数字，而不是文本');

    const long = refusedOf(
      fromTikFinity({ event: 'chat', data: { uniqueId: 'a', comment: 'x'.repeat(5000) } }),
    );
    expect(roomFaultText(long.fault, 'zh-CN')).toMatch(/^comment：超过 \d+ 个字符$/);
    const shape = refusedOf(fromTikFinity('hello'));
    expect(shape.detail).toBe('not a {event, data} message');
    expect(roomFaultText(shape.fault, 'zh-CN')).toBe('不是 {event, data} 形式的消息');
  });

  it('the status line says it within its sentence, reworded per language', () => {
    const bad = refusedOf(fromTikFinity({ event: 'roomUser', data: {} }));
    const problem = { code: 'refused' as const, detail: bad.detail, fault: bad.fault };
    expect(sourceProblem(problem)).toBe(
      'A message was refused: viewerCount: Invalid input: expected number, received undefined.',
    );
    // An older status without a fault keeps its English detail.
    expect(sourceProblem({ code: 'refused', detail: 'x: y' })).toBe('A message was refused: x: y.');
  });

  it('Euler Stream: a frame of no known shape, checked again on the page', () => {
    const frame = fromEulerFrame({ messages: 'no' });
    expect(frame.problem).toBe(faultDetail(frame.fault!));
    expect(frame.problem).toMatch(/^not an Euler frame \(/);
    const wire = RoomFaultSchema.parse(JSON.parse(JSON.stringify(frame.fault)));
    expect(roomFaultText(wire, 'zh-CN')).toMatch(/^不是 Euler Stream 的数据帧（.+）$/);
    expect(roomFaultText({ code: 'network', error: 'ECONNREFUSED' }, 'zh-CN')).toBe(
      '网络错误：ECONNREFUSED',
    );
  });

  it('room.events refused through the command API: each event’s field and phrase', () => {
    const refused = parseAudienceJson({ events: [{ type: 'viewers', count: -3 }] });
    if (refused.ok) throw new Error('expected a refusal');
    expect(audienceRefusalText(refused, 'en')).toBe(refused.error);
    expect(audienceRefusalText(refused, 'zh-CN')).toBe(
      '不是有效的观众事件列表：\nevents[0].count：不能为负数',
    );
  });
});
