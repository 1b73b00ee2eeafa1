// A TCP proxy between a test's store and PostgreSQL, for fault injection: `cut()` makes the database
// "go away" (every open connection is destroyed and new ones are refused, as a stopped server or a
// dropped network does), `stall()` makes it stop answering (connections are accepted and never
// forwarded, as an unreachable host behind a firewall does), `freeze()` does that to the open
// connections too (a network partition: nothing is closed, nothing arrives), `restore()` brings it back.
import net from "node:net";

export interface TcpProxy {
  /** The proxy's port on 127.0.0.1. */
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  cut(): Promise<void>;
  stall(): void;
  freeze(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

type Mode = "forward" | "stall";

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  let mode: Mode = "forward";
  let server: net.Server | null = null;
  let port = 0;

  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
  };

  function onConnection(client: net.Socket) {
    track(client);
    if (mode === "stall") return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.on("close", () => (upstream.destroy(), pairs.delete(pair)));
    upstream.on("close", () => (client.destroy(), pairs.delete(pair)));
  }

  async function listen() {
    server = net.createServer(onConnection);
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(port, "127.0.0.1", () => resolve());
    });
    port = (server!.address() as net.AddressInfo).port;
  }

  const destroyAll = () => {
    for (const socket of open) socket.destroy();
  };

  async function stopListening() {
    const stopping = server;
    server = null;
    if (stopping) await new Promise<void>((resolve) => stopping.close(() => resolve()));
  }

  await listen();
  return {
    get port() {
      return port;
    },
    urlFor(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      return parsed.toString();
    },
    async cut() {
      destroyAll();
      // Nothing listens on the port any more: a new connection is refused at once.
      await stopListening();
    },
    stall() {
      destroyAll();
      mode = "stall";
    },
    freeze() {
      mode = "stall";
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    async restore() {
      // Connections that went quiet are of no use to anyone now: their clients gave up on them.
      if (mode === "stall") destroyAll();
      mode = "forward";
      if (!server) await listen(); // the same port: the store's URL stays right
    },
    async close() {
      destroyAll();
      await stopListening();
    },
  };
}
