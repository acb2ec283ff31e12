import { describe, expect, it } from 'vitest';
import { fieldIssueText } from './messages.js';

describe('field issue texts', () => {
  it.each([
    ['zh-CN', '截止日期不能早于开始日期 / due date before start', '截止日期不能早于开始日期'],
    ['en-US', '截止日期不能早于开始日期 / due date before start', 'due date before start'],
    ['zh-CN', 'Invalid input', '取值无效'],
    ['en-US', undefined, 'Invalid value'],
  ] as const)('a custom check in %s with %j reads %j', (locale, zodMessage, expected) => {
    expect(fieldIssueText('custom', { zodMessage }, locale)).toBe(expected);
  });

  it('names the minimum and the maximum of strings and lists', () => {
    expect(fieldIssueText('too_small', { origin: 'string', minimum: 2 }, 'zh-CN')).toBe('至少 2 个字符');
    expect(fieldIssueText('too_big', { origin: 'array', maximum: 5 }, 'en-US')).toBe('At most 5 items');
  });
});
