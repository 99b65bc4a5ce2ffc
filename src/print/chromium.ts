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
    ],
  });
  return { browser, close: () => browser.close() };
}
