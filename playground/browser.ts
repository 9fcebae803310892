/**
 * The browser the e2e tests and the screenshots drive: Debian's Chromium through playwright-core
 * (no browser download). When it is missing, this fails with how to install it: the browser tests
 * must never pass by skipping.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, quiet, no network of its own: only the playground on 127.0.0.1. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(path = CHROMIUM): Promise<Browser> {
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not installed at ${path}: the browser tests and screenshots drive Debian's Chromium. ` +
        'Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH to another Chromium).',
    );
  }
  return chromium.launch({ executablePath: path, headless: true, args: ARGS });
}
