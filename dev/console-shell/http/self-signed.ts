import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

export interface TlsCredentials {
  key: Buffer;
  cert: Buffer;
}

/**
 * A throw-away certificate for `localhost`, made by the openssl command line (Debian's `openssl`
 * package) each time the shell starts, so that no private key lives in the repository. Browsers
 * speak HTTP/2 only over TLS.
 */
export const selfSignedCertificate = async (): Promise<TlsCredentials> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kmm-day1-shell-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-days',
      '7',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]);
    return { key: await readFile(keyFile), cert: await readFile(certFile) };
  } catch (error) {
    throw new Error(
      `could not make a certificate for HTTP/2 with openssl (apt-get install openssl): ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
