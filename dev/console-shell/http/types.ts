import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';

/** A request to the shell, over HTTP/1.1 or HTTP/2 (Node's compatibility API). */
export type ShellRequest = IncomingMessage | Http2ServerRequest;
export type ShellResponse = ServerResponse | Http2ServerResponse;
