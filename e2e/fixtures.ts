import { test as base, expect } from '@playwright/test';
import { Playground } from './pages/Playground';

/** `playground`: the page object; every test also fails on any console error. */
export const test = base.extend<{ playground: Playground }>({
  playground: async ({ page }, use) => {
    const playground = new Playground(page);
    await use(playground);
    expect(playground.errors, 'console errors and uncaught exceptions').toEqual([]);
  },
});

export { expect };
