import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { buildSync } from 'esbuild';
import type { Host } from '../../electron/main/host/host';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY = 5 * 1024 * 1024;

function bundleBridge(): string {
  const result = buildSync({
    entryPoints: [join(__dirname, 'browser-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface Harness {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 and bridges `window.crm` over HTTP to
 * the same dispatch the Electron IPC uses. No logic of its own.
 */
export async function startHarness(host: Host, rendererDir: string, port = 0): Promise<Harness> {
  const root = resolve(rendererDir);
  const bridge = bundleBridge();
  // Read per request, so a rebuild while the harness runs serves the new asset names.
  const index = async () =>
    (await readFile(join(root, 'index.html'), 'utf8')).replace(
      '<script type="module"',
      '<script src="/__crm/bridge.js"></script>\n    <script type="module"',
    );
  const streams = new Set<ServerResponse>();
  const unsubscribe = host.events.subscribe((event, payload) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of streams) res.write(data);
  });

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname === '/__crm/call') {
        let body: { method?: unknown; input?: unknown };
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: { code: 'validation', message: 'The request is not JSON.' } }));
          return;
        }
        const input = body.input === null ? undefined : body.input;
        const envelope = await host.dispatch(String(body.method), input, host.session);
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(envelope));
        return;
      }
      if (req.method === 'GET' && url.pathname === '/__crm/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (req.method === 'GET' && url.pathname === '/__crm/bridge.js') {
        res.writeHead(200, { 'content-type': MIME['.js']!, 'cache-control': 'no-store' });
        res.end(bridge);
        return;
      }
      if (req.method !== 'GET') {
        res.writeHead(405).end();
        return;
      }
      if (url.pathname === '/' || url.pathname === '/index.html') {
        res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store' });
        res.end(await index());
        return;
      }
      const file = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      const content = await readFile(file).catch(() => null);
      if (!content) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(content);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${actual}/`,
    close: async () => {
      unsubscribe();
      for (const res of streams) res.end();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
