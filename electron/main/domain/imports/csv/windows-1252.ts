/**
 * Node 20.18.3+ decodes 'windows-1252' as ISO-8859-1 (nodejs/node#56542, #60888): 0x80 comes out as
 * U+0080 instead of "€", 0x92 as U+0092 instead of "’". So we map the 32 bytes that differ ourselves.
 */
const C1_TO_1252 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const C1 = /[\u0080-\u009F]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  C1.lastIndex = 0;
  return C1.test(latin1) ? latin1.replace(C1, (c) => C1_TO_1252[c.charCodeAt(0) - 0x80]!) : latin1;
}
