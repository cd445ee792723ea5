import { describe, expect, it } from 'vitest';
import { COMMANDS, matchCommands } from '../../renderer/src/features/search/commands';

const labels = (text: string) => matchCommands(text).map((c) => c.label);

describe('command palette commands', () => {
  it('lists every command before anything is typed', () => {
    expect(labels('')).toEqual(COMMANDS.map((c) => c.label));
    expect(labels('   ')).toHaveLength(COMMANDS.length);
  });

  it('matches when every typed word starts a word of the command, in any case', () => {
    expect(labels('new acc')).toEqual(['New account']);
    expect(labels('NEW')).toEqual(['New account', 'New contact', 'New lead', 'New opportunity']);
    expect(labels('go con')).toEqual(['Go to Contacts']);
    expect(labels('create person')).toEqual(['New contact']);
    expect(labels('go pip')).toEqual(['Go to Pipeline']);
    expect(labels('deal')).toEqual(['New opportunity', 'Go to Opportunities']);
    expect(labels('acc')).toEqual(['New account', 'Go to Accounts']);
  });

  it('matches nothing for words that are not there, or only inside a word', () => {
    expect(labels('mull')).toEqual([]);
    expect(labels('count')).toEqual([]);
    expect(labels('new acc x')).toEqual([]);
  });

  it('every command goes to a route the app has', () => {
    expect(COMMANDS.map((c) => c.to)).toEqual([
      '/accounts/new',
      '/contacts/new',
      '/accounts',
      '/contacts',
      '/leads/new',
      '/opportunities/new',
      '/leads',
      '/opportunities',
      '/pipeline',
      '/forecast',
      '/my-day',
      '/calendar',
      '/leads/scoring',
      '/win-loss',
      '/settings/pipelines',
    ]);
  });
});
