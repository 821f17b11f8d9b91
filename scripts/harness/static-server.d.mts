// Types of static-server.mjs (plain JavaScript, so that scripts/start.mjs can use it under plain node).
export interface StaticServer {
  port: number;
  /** http://HOST:PORT/PATHNAME; HOST is 127.0.0.1 unless a host name mapped to it is given. */
  url(pathname?: string, host?: string): string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** A folder served as it is (GET /x/ gives x/index.html). */
  root?: string;
  /** Fixed bodies by pathname (content type from the extension, HTML when there is none); checked first. */
  routes?: Record<string, string | Buffer>;
}

export function serveStatic(options?: StaticServerOptions): Promise<StaticServer>;
