// hyoka makes no outbound call, and a PDF is where Chromium would: the CLI's PDF export runs
// under strace, and any connect or datagram to a non-loopback address, or to port 53, fails
// the test. (Before Chromium's closed-network flags, one PDF made about 18 DNS lookups —
// update.googleapis.com, accounts.google.com, the print origin's host — and a UDP probe to a
// public resolver.)
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../src/services/demo.js';
import { openStore } from '../../src/store/open.js';
import { outboundCalls } from '../outbound.js';
import { requirePackage } from '../requires.js';
import { chromiumGate } from './harness.js';
import { testContext } from '../../src/services/test-context.js';
import { CLI } from '../../src/services/context.js';

const straceGate = requirePackage('strace');
const run = promisify(execFile);

describe('outboundCalls reads an strace log', () => {
  it('reports DNS, public addresses and UDP probes, not loopback or local sockets', () => {
    const trace = [
      '25934 connect(23, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
      '25934 connect(23, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
      '25935 sendto(5, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 1',
      '25936 sendmsg(7, {msg_name={sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, msg_namelen=16}, 0) = 9',
      '25937 connect(9, {sa_family=AF_INET, sin_port=htons(5432), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
      '25937 connect(9, {sa_family=AF_INET6, sin6_port=htons(3000), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
      '25938 connect(4, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = -1 ENOENT',
      '25939 sendmsg(12, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="\\1", iov_len=1}], msg_iovlen=1}, MSG_NOSIGNAL) = 1',
    ].join('\n');
    expect(outboundCalls(trace).map((call) => `${call.address}:${call.port}`)).toEqual([
      '10.255.255.53:53',
      '2001:4860:4860::8888:443',
      '127.0.0.53:53',
      '93.184.216.34:443',
    ]);
  });
});

describe.skipIf(!chromiumGate.available || !straceGate.available)(`a PDF export under strace ${chromiumGate.label} ${straceGate.label}`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hyoka-network-'));
    const store = await openStore({ sqlitePath: path.join(dir, 'hyoka.sqlite') });
    await loadDemoIfEmpty(testContext(store));
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes no outbound connection and no name lookup', async () => {
    const trace = path.join(dir, 'trace.txt');
    const pdf = path.join(dir, 'sheet.pdf');
    await run(
      'strace',
      ['-f', '-qq', '-e', 'trace=connect,sendto,sendmsg', '-o', trace, process.execPath, 'bin/hyoka.js', 'export', '--format', 'pdf', '--db', path.join(dir, 'hyoka.sqlite'), '--out', pdf],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const calls = outboundCalls(readFileSync(trace, 'utf8'));
    expect(calls.map((call) => call.line), `${calls.length} outbound call(s)`).toEqual([]);
  }, 120_000);
});
