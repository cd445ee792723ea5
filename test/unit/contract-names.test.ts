import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { EVENT_NAMES } from '../../shared/contract/events';
import { EVENT_NAME_LIST, METHOD_NAME_LIST } from '../../shared/contract/names';

describe('the plain name lists the bridges use', () => {
  it('hold exactly the contract\'s methods and events, each once', () => {
    expect([...METHOD_NAME_LIST].sort()).toEqual([...METHOD_NAMES].sort());
    expect(new Set(METHOD_NAME_LIST).size).toBe(METHOD_NAME_LIST.length);
    expect([...EVENT_NAME_LIST].sort()).toEqual([...EVENT_NAMES].sort());
  });
});
