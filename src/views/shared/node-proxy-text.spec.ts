import { consoleFetch, consoleFetchText } from '@openshift-console/dynamic-plugin-sdk';
import { fetchNodeProxyText } from './node-proxy-text';

const JOURNAL = '/api/kubernetes/api/v1/nodes/sfc-a/proxy/logs/journal?unit=a.service';

describe('fetchNodeProxyText', () => {
  it('gives the body as the kubelet sent it, never parsed as JSON (a journal is not JSON)', async () => {
    const lines = 'Dec 06 07:00:00.000000 sfc-a a.sh[1]: kmm-day1[a]: module sfc loaded\n';
    jest
      .mocked(consoleFetch)
      .mockResolvedValueOnce({ text: () => Promise.resolve(lines) } as unknown as Response);
    const signal = new AbortController().signal;
    await expect(fetchNodeProxyText(JOURNAL, signal)).resolves.toBe(lines);
    expect(jest.mocked(consoleFetch)).toHaveBeenCalledWith(JOURNAL, { signal });
    // consoleFetchText would JSON.parse a `text/plain;charset=UTF-8` answer.
    expect(jest.mocked(consoleFetchText)).not.toHaveBeenCalled();
  });

  it("passes console's errors on", async () => {
    const error = Object.assign(new Error('HTTP 500'), { code: 500 });
    jest.mocked(consoleFetch).mockRejectedValueOnce(error);
    await expect(fetchNodeProxyText(JOURNAL)).rejects.toBe(error);
  });
});
