// Debian's Chromium, driven through playwright-core: the one browser for PDFs (print view →
// page.pdf()) and for the browser tests. npm cannot download browsers here, so the binary
// comes from `apt-get install chromium` (or HYOKA_CHROMIUM names another).
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_INSTALL_HINT =
  'Chromium が見つかりません。`sudo apt-get install chromium fonts-noto-cjk` でインストールしてください / ' +
  'Chromium not found: install it with `sudo apt-get install chromium fonts-noto-cjk` (or set HYOKA_CHROMIUM)';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary to use, or undefined when none is installed. */
export function chromiumPath(): string | undefined {
  const configured = process.env.HYOKA_CHROMIUM;
  for (const candidate of configured ? [configured] : CANDIDATES) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next
    }
  }
  return undefined;
}

export class ChromiumMissingError extends Error {
  constructor() {
    super(CHROMIUM_INSTALL_HINT);
  }
}

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * A headless Chromium with the flags this closed network needs (no background connections).
 * playwright gives every launch a fresh temporary profile of its own.
 */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new ChromiumMissingError();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...CLOSED_NETWORK_FLAGS,
    ],
  });
  return { browser, close: () => browser.close() };
}

/**
 * hyoka makes no outbound call, and Chromium left to itself resolves names and opens sockets
 * (update and account hosts, the page's own host name, an IPv6 reachability probe to a public
 * resolver) even when playwright's defaults turn its background services off. Every page it
 * loads is answered in-process (http/print.ts), so it needs no network at all:
 */
export const CLOSED_NETWORK_FLAGS = [
  // Every host name is "not found" before any resolver runs. `^NOTFOUND`, not the older
  // `~NOTFOUND`: this Chromium takes that as a host name, whose lookup starts the IPv6 probe.
  // The loopback names stay usable for the browser tests' local server.
  '--host-resolver-rules=MAP * ^NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  // No proxy, so no WPAD/PAC discovery.
  '--no-proxy-server',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings',
];
