import net from "node:net";

// Unit and integration tests need the machine's Postgres and Redis: fail, never skip, without them.
const services = [
  { name: "Postgres", url: process.env.TEST_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/test" },
  { name: "Redis", url: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" },
];

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port), timeout: 3000 });
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

export default async function setup(): Promise<void> {
  for (const service of services) {
    if (!(await reachable(service.url))) {
      throw new Error(`${service.name} is not reachable at ${service.url}; start it (see README)`);
    }
  }
}
