import type { Page } from 'playwright-core';

/**
 * Collects uncaught exceptions and console errors of a page: a wall screen has nobody to read them,
 * so a test must. GPU driver chatter comes as warnings and is not collected.
 */
export const watchPageErrors = (page: Page): readonly string[] => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
};
