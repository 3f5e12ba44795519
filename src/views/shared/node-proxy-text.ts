import { consoleFetch } from '@openshift-console/dynamic-plugin-sdk';

/**
 * A file or the journal through the API server's node proxy, as the text the kubelet sent. Not
 * consoleFetchText: console parses every answer whose Content-Type is not exactly `text/plain` as JSON,
 * and the kubelet serves the journal as `text/plain;charset=UTF-8` (a parse error instead of the lines)
 * and a status file as `application/json` (a status file cut short would fail as a parse error, not be
 * read as malformed). consoleFetch keeps console's headers and its errors (HttpError with `code`).
 */
export const fetchNodeProxyText = async (url: string, signal?: AbortSignal): Promise<string> => {
  const response = await consoleFetch(url, { signal });
  return response.text();
};
