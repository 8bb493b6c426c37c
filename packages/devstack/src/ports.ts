import net from 'node:net';

/** Fails with one sentence when a port the stack needs is taken. */
export async function assertPortFree(options: { port: number; what: string; envVar: string }): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} (${options.what}) is already in use; stop what is using it (lsof -i :${options.port}) or set ${options.envVar} to another port.`
            : `Cannot listen on port ${options.port} (${options.what}): ${error.message}.`,
        ),
      );
    });
    server.listen({ port: options.port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}

export async function waitForPort(options: { port: number; host?: string; timeoutMs: number }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port: options.port, host: options.host ?? '127.0.0.1' });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

export async function waitForHttp(options: { url: string; timeoutMs: number }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(options.url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
