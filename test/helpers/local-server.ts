import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A web server on 127.0.0.1 for download tests (tests never use the network). */
export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** The paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Start a server on a free port of 127.0.0.1 that answers every request with `handle`. */
export async function serveLocally(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    handle(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Answer with a status, a content type and a body (with its length). */
export function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
