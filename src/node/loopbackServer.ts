// LoopbackPort over node:http. Binds 127.0.0.1 and, on the same port, ::1 when
// the host has IPv6, because browsers may resolve "localhost" to either.
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { LoopbackPort, LoopbackRequest, LoopbackResponse, LoopbackServer } from '../core/auth';

export const nodeLoopback: LoopbackPort = {
  async listen(port, handler) {
    const servers: http.Server[] = [];
    const make = () => {
      const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const lr: LoopbackRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams };
        handler(lr).then((page: LoopbackResponse) => {
          res.writeHead(page.status, { 'content-type': page.contentType, 'cache-control': 'no-store', connection: 'close' });
          res.end(page.body);
        }, () => {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
          res.end('Sign-in failed.');
        });
      });
      servers.push(server);
      return server;
    };
    const first = make();
    await listenOn(first, port, '127.0.0.1');
    const bound = (first.address() as AddressInfo).port;
    try {
      await listenOn(make(), bound, '::1');
    } catch {
      servers.pop(); // no IPv6 loopback (or the port is taken there): IPv4 alone still works
    }
    let closed: Promise<void> | undefined;
    const server: LoopbackServer = {
      port: bound,
      close() {
        closed ??= Promise.all(servers.map((s) => new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        }))).then(() => undefined);
        return closed;
      },
    };
    return server;
  },
};

function listenOn(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
