// Reads an `strace -f -e trace=connect,sendto,sendmsg` log for what left the machine: every
// connect or datagram to an IPv4/IPv6 address that is not loopback, and anything to port 53
// (a DNS query, even to a resolver on loopback). Unix sockets, netlink and socketpairs (how
// Chromium's processes and playwright talk) are local by construction and not reported.

export interface Outbound {
  line: string;
  family: 'AF_INET' | 'AF_INET6';
  address: string;
  port: number;
}

const INET = /sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/g;
const INET6 = /sa_family=AF_INET6, sin6_port=htons\((\d+)\),.*?inet_pton\(AF_INET6, "([^"]+)"/g;

function isLoopback(family: Outbound['family'], address: string): boolean {
  if (family === 'AF_INET') return address.startsWith('127.');
  return address === '::1' || /^::ffff:127\./i.test(address);
}

export function outboundCalls(trace: string): Outbound[] {
  const found: Outbound[] = [];
  for (const line of trace.split('\n')) {
    for (const [family, pattern] of [['AF_INET', INET], ['AF_INET6', INET6]] as const) {
      for (const match of line.matchAll(pattern)) {
        const port = Number(match[1]);
        const address = match[2]!;
        if (port === 53 || !isLoopback(family, address)) found.push({ line, family, address, port });
      }
    }
  }
  return found;
}
