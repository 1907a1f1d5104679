import type { Page } from '@playwright/test';

/**
 * The test build's hooks on the training worker (src/worker/testHooks.ts; absent from production
 * builds): make it stop the ways a real worker can stop without an error event.
 */
export class TestHooks {
  constructor(private readonly page: Page) {}

  /** The current worker closes itself (`self.close()`). */
  closeWorker(): Promise<void> {
    return this.call('worker', 'close');
  }

  /** The current worker enters an endless loop. */
  hangWorker(): Promise<void> {
    return this.call('worker', 'hang');
  }

  /** The next `count` workers started never finish loading their script. */
  neverLoadNext(count: number): Promise<void> {
    return this.call('neverLoadNext', count);
  }

  private async call(name: 'worker' | 'neverLoadNext', argument: string | number): Promise<void> {
    await this.page.evaluate(
      ([hook, value]) => {
        const hooks = (
          window as unknown as { __activationPlaygroundTest?: Record<string, (v: unknown) => void> }
        ).__activationPlaygroundTest;
        if (!hooks)
          throw new Error('no test hooks: is this the e2e build (vite build --mode e2e)?');
        hooks[hook as string]?.(value);
      },
      [name, argument] as const,
    );
  }
}
