import { createServer } from "node:net";

/**
 * Whether the gateway could listen where it is configured to, asked before anything starts (the
 * demo's upstreams included), so that a bad host or a busy port is one clear line, not a stack
 * trace after other things have started.
 */
export function listenProblem(host: string, port: number): Promise<string | undefined> {
  if (port === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(describeListenError(error, host, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
}

/** One line for an error of listening, or the error's own message when it is none we know. */
export function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case "EADDRINUSE":
      return `PORT ${port} is already in use on ${host}: stop what listens there or set another PORT.`;
    case "EACCES":
      return `PORT ${port} needs privileges this process does not have: use a port above 1023.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EADDRNOTAVAIL":
      return `HOST "${host}" is not an address of this machine: use 127.0.0.1, 0.0.0.0 (every interface) or one of its addresses.`;
    default:
      return `Cannot listen on ${host}:${port}: ${error.message}`;
  }
}
