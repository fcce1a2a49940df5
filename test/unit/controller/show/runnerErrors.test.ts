// Storage and dispatch failures carry a code, so a zh-CN producer reads them in Chinese; the
// browser's own reason stays as the browser said it, and English keeps its sentences.
import { describe, expect, it } from 'vitest';
import {
  batchNotSaved,
  commandThrew,
  notSaved,
  runFailed,
} from '../../../../controller/show/runnerErrors';
import { refusalText } from '../../../../controller/i18n/refusal';

const quota = Object.assign(new Error('The quota has been exceeded.'), {
  name: 'QuotaExceededError',
});

describe('storage failures in the controller’s language', () => {
  it('a sale the log refused', () => {
    const refused = notSaved('sale', quota);
    expect(refused.error).toBe(
      'Could not save sale to the show log: The quota has been exceeded. Nothing was recorded.',
    );
    expect(refusalText(refused, 'en')).toBe(refused.error);
    expect(refusalText(refused, 'zh-CN')).toBe(
      '无法把 sale 写入节目日志：The quota has been exceeded。没有记录任何内容。',
    );
  });

  it('a batch, a runner failure and a handler that threw', () => {
    expect(refusalText(batchNotSaved(quota), 'zh-CN')).toMatch(/^无法把这批命令写入节目日志/);
    expect(refusalText(runFailed(new Error('closed')), 'zh-CN')).toBe('无法执行该命令：closed。');
    expect(refusalText(runFailed(new Error('closed')), 'en')).toBe(
      'Could not run the command: closed.',
    );
    expect(refusalText(commandThrew(new TypeError('x is undefined')), 'zh-CN')).toBe(
      '该命令无法执行：x is undefined。',
    );
    expect(commandThrew('boom').error).toBe('The command could not be run: boom.');
  });
});
