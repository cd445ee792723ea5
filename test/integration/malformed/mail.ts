import type { MalformedCases } from './cases';

const valid = { host: 'smtp.example.com', port: 587, tlsMode: 'starttls', user: 'crm', fromAddress: 'office@example.com', fromName: 'Office' };

export const cases: MalformedCases = {
  'mail.getSettings': [{ includePassword: true }, 'smtp', 42],
  'mail.saveSettings': [
    {},
    { ...valid, host: '' },
    { ...valid, host: 'http://smtp.example.com' },
    { ...valid, host: 'smtp.example.com:587' },
    { ...valid, host: 'smtp example com' },
    { ...valid, port: 0 },
    { ...valid, port: 65536 },
    { ...valid, port: 25.5 },
    { ...valid, port: '587' },
    { ...valid, tlsMode: 'ssl' },
    { ...valid, user: 42 },
    { ...valid, user: 'crm\r\nRCPT TO:<victim@example.com>' },
    { ...valid, password: 12345 },
    { ...valid, password: 'x'.repeat(1001) },
    { ...valid, password: 'secret', clearPassword: true },
    { ...valid, clearPassword: 'yes' },
    { ...valid, fromAddress: 'not an address' },
    { ...valid, fromAddress: '' },
    { ...valid, fromName: 'Office\r\nBcc: everyone@example.com' },
    { ...valid, fromName: 'x'.repeat(201) },
    { ...valid, passwordSet: true },
  ],
  'mail.sendTest': [{}, { to: 'not-an-address' }, { to: ['a@example.com'] }, { to: 'a@example.com', cc: 'b@example.com' }, { to: 'a@example.com\r\nBcc: x@example.com' }],
};
