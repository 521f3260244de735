import { describe, expect, it } from 'vitest';
import { formatChildLine, RecentLines } from './log-lines.ts';

describe('formatChildLine', () => {
  it('passes JSON log lines through untouched', () => {
    const line = '{"level":30,"msg":"listening","service":"auth"}';
    expect(formatChildLine('auth', line)).toBe(line);
  });

  it('prefixes anything else with the app name', () => {
    expect(formatChildLine('auth', 'Error: boom')).toBe('auth          | Error: boom');
    expect(formatChildLine('partners', '{not json')).toBe('partners      | {not json');
    expect(formatChildLine('x', '[1,2]')).toBe('x             | [1,2]');
  });
});

describe('RecentLines', () => {
  it('keeps only the last lines', () => {
    const recent = new RecentLines(2);
    for (const line of ['a', 'b', 'c']) recent.push(line);
    expect(recent.all()).toEqual(['b', 'c']);
  });
});
