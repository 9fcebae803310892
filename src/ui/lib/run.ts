import type { endpoints } from '../../main';

/** The server's endpoints, as the client sees them: arguments and results cross as JSON. */
export type Api = typeof endpoints;
export type Result<K extends keyof Api> = Awaited<ReturnType<Api[K]>>;

interface Runner {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: Error) => void): Runner;
  [endpoint: string]: unknown;
}

declare const google: { script: { run: Runner; host: { close(): void } } };

/** One typed door to google.script.run: a promise per call, the server's error message on failure. */
export function run<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<Result<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as Result<K>))
      .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String(e))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export function closeHost(): void {
  google.script.host.close();
}
