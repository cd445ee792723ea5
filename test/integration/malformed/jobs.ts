import type { MalformedCases } from './cases';

/** Inputs the untrusted renderer might send to the scheduler's methods. */
export const cases: MalformedCases = {
  'jobs.list': [
    'all',
    { status: 'failed' },
    { status: [] },
    { status: ['exploded'] },
    { group: 'campaign 12' },
    { group: "campaign:1' OR 1=1 --" },
    { group: 'x'.repeat(101) },
    { kind: 'Mail.Send' },
    { offset: -1 },
    { limit: 0 },
    { limit: 501 },
    { limit: 2.5 },
    { payload: true },
  ],
  'jobs.counts': [undefined, {}, { group: '' }, { group: 'campaign' }, { group: 12 }, { group: 'campaign:1', extra: 1 }],
  'jobs.pause': [undefined, {}, { group: 'campaign:' }, { group: ':12' }, { group: ['campaign:1'] }, { group: 'campaign:1\r\n' }],
  'jobs.resume': [undefined, {}, { group: 'campaign:1;DROP TABLE jobs' }, { group: null }, { group: 'campaign:1', all: true }],
  'jobs.cancel': [undefined, {}, { group: '*' }, { group: 'campaign:%' }, { group: 'campaign:1', force: true }],
  'jobs.retry': [undefined, {}, { id: 0 }, { id: -1 }, { id: '1' }, { id: 1.5 }, { id: 1, resendUncertain: 'yes' }, { id: 1, attempts: 0 }],
};
