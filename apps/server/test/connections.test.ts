/** issue 9: one source holding sockets open cannot take them all (slowloris); the long run is in `pnpm battery`. */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { capConnections, HTTP_TIMEOUTS } from '../src/server.ts';
import { parseEnv } from '../src/env.ts';

let server: Server;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

function open(port: number): Promise<{ socket: Socket; closedEarly: Promise<boolean> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      sockets.push(socket);
      // A socket the server refuses is closed before it could answer anything.
      const closedEarly = new Promise<boolean>((r) => {
        socket.once('close', () => r(true));
        setTimeout(() => r(false), 300);
      });
      resolve({ socket, closedEarly });
    });
    socket.once('error', reject);
  });
}

describe('issue 9: connection caps and timeouts', () => {
  it('closes sockets from one address beyond its cap, and takes it again once one closes', async () => {
    server = createServer((_req, res) => res.end('ok'));
    capConnections(server, { max: 0, perAddress: 3 });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const held = await Promise.all([open(port), open(port), open(port), open(port), open(port)]);
    const closed = await Promise.all(held.map((h) => h.closedEarly));
    expect(closed.filter(Boolean).length).toBe(2);
    held.find((_h, i) => !closed[i])?.socket.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(await (await open(port)).closedEarly).toBe(false);
  });

  it('caps per address by default, but not behind a reverse proxy that names the client', () => {
    expect(parseEnv({}).connections).toEqual({ max: 4096, perAddress: 256 });
    expect(parseEnv({ CLIENT_ADDRESS_HEADER: 'x-real-ip' }).connections.perAddress).toBe(0);
    expect(parseEnv({ MAX_CONNECTIONS_PER_ADDRESS: '10' }).connections.perAddress).toBe(10);
  });

  it('gives slow clients a deadline for their headers and their whole request', () => {
    expect(HTTP_TIMEOUTS.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(HTTP_TIMEOUTS.requestTimeout).toBeGreaterThan(HTTP_TIMEOUTS.headersTimeout);
    expect(HTTP_TIMEOUTS.connectionsCheckingInterval).toBeLessThanOrEqual(HTTP_TIMEOUTS.headersTimeout / 5);
  });
});
