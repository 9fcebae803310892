/**
 * Starts the playground: its workbooks (the first on its file, the others listed beside it), the client assets, and an HTTP server on
 * 127.0.0.1 only (nobody else on the network can reach it). The tests start it in-process on port 0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientAssets } from './assets';
import { routes } from './http';
import type { Session, SessionOptions } from './session';
import { Workbooks } from './workbooks';

export const DEFAULT_PORT = 8787;
export const DEFAULT_FILE = '.playground/workbook.json';

export interface PlaygroundOptions extends SessionOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Where server errors are written (stderr by default). */
  log?: (line: string) => void;
}

export interface Playground {
  url: string;
  port: number;
  /** Every workbook, and which one the page shows. */
  workbooks: Workbooks;
  /** The workbook the page shows (the first one until the switcher picks another). */
  readonly session: Session;
  server: Server;
  close(): Promise<void>;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const log = options.log ?? ((line: string) => console.error(line));
  const [workbooks, assets] = [new Workbooks(options), await clientAssets()];
  let port = options.port ?? DEFAULT_PORT;
  const { handle } = routes(workbooks, assets, () => port, log);
  const server = createServer((req, res) => {
    // handle() answers every error itself; this catch is the last guard for the process
    handle(req, res).catch((e: unknown) => {
      log(`unhandled: ${e instanceof Error ? e.message : String(e)}`);
      res.destroy();
    });
  });
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    workbooks,
    get session() {
      return workbooks.current;
    },
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
