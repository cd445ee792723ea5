/**
 * A bare SMTP server on 127.0.0.1 in a process of its own, for throughput figures: it accepts every message and
 * only counts it (no parsing), so the bench measures the sending side, not a test server sharing its CPU.
 *   node --import tsx test/bench/smtp-sink.ts   → prints "port <n>", then "count <n>" for every line read on stdin.
 */
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      count++;
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port ${(server.server.address() as AddressInfo).port}\n`);
});
createInterface({ input: process.stdin }).on('line', () => process.stdout.write(`count ${count}\n`));
process.stdin.on('end', () => server.close(() => process.exit(0)));
