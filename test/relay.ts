// A TCP relay to the database server, for the tests of an instance that loses its database:
// "going away" is closing the relay (every connection dropped, new ones refused), "coming back"
// is opening it again on the same port.
import net from 'node:net';

export interface Relay {
  port: number;
  close(): Promise<void>;
}

/** A TCP relay on 127.0.0.1 to the database server; `port` 0 picks one. */
export async function openRelay(target: URL, port: number): Promise<Relay> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
