import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { tempDir, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let harness: Harness;

beforeAll(async () => {
  host = await tempHost();
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<html><head><script type="module" src="/assets/app.js"></script></head></html>');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  harness = await startHarness(host, renderer);
});
afterAll(async () => {
  await harness.close();
  await host.close();
});

const post = (body: string) => fetch(new URL('/__crm/call', harness.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('browser harness', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('bridges a call to the same dispatch and returns its envelope', async () => {
    const created = await (await post(JSON.stringify({ method: 'accounts.create', input: { name: 'Bridge Co' } }))).json();
    expect(created).toMatchObject({ ok: true, data: { name: 'Bridge Co' } });
    const invalid = await (await post(JSON.stringify({ method: 'accounts.create', input: { name: '' } }))).json();
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a body that is not JSON', async () => {
    const response = await post('{nope');
    expect(response.status).toBe(400);
  });

  it('injects the bridge before the app script and serves assets, never files outside the renderer', async () => {
    const html = await (await fetch(harness.url)).text();
    expect(html.indexOf('/__crm/bridge.js')).toBeGreaterThan(-1);
    expect(html.indexOf('/__crm/bridge.js')).toBeLessThan(html.indexOf('/assets/app.js'));
    expect((await fetch(new URL('/assets/app.js', harness.url))).status).toBe(200);
    const bridge = await (await fetch(new URL('/__crm/bridge.js', harness.url))).text();
    expect(bridge).toContain('accounts.create');
    // %2f survives URL normalisation, so the server itself must catch the escape.
    expect((await fetch(new URL('/..%2f..%2f..%2fetc%2fpasswd', harness.url))).status).toBe(403);
  });

  it('streams main-process events', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL('/__crm/events', harness.url), { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment
    host.events.emit('record.changed', { entity: 'contact', id: 7, action: 'update' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe(`data: ${JSON.stringify({ event: 'record.changed', payload: { entity: 'contact', id: 7, action: 'update' } })}\n\n`);
    controller.abort();
  });
});
