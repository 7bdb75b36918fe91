import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; the CI script installs it when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium with WebGL2 on the CPU: ANGLE over SwiftShader (Vulkan) needs no GPU, and since
 * Chromium 137 SwiftShader WebGL must be opted into with --enable-unsafe-swiftshader. The rest keeps
 * the browser itself off the network (no component updates, sync, QUIC or background fetches), so
 * every request a test sees comes from the page.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
