/**
 * Hours in front of a class, in minutes: builds the app, serves it, opens the 6 x 8 tanh
 * network on the spiral at Max in headless Chromium, presses Play and leaves the pointer
 * still. After a warm-up, and then every interval, it forces a garbage collection in the page
 * and in the training worker and samples both JS heaps and the page's DOM nodes and event
 * listeners (CDP `HeapProfiler.collectGarbage`, `Runtime.getHeapUsage`,
 * `Memory.getDOMCounters`). Prints one line per sample, then, as the last line, one JSON
 * object: growth per hour by a least-squares line through the samples, and the DOM deltas.
 *
 *   npm run bench:soak                              10 minutes, a sample a minute
 *   npm run bench:soak -- --minutes 60
 *   npm run bench:soak -- --minutes 2 --interval 10 a quick look (interval in seconds)
 *
 * Goal (issue 8): under 1 MB an hour for the page and for the worker, DOM nodes and listeners
 * flat. No figure is asserted; it exits non-zero when the page failed (errors, a crash,
 * training that stopped, a worker restarted by the watchdog).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../scripts/chromium';
import { buildApp, serveStatic } from '../scripts/staticServer';

const MB = 1024 * 1024;
const LAYER = Array(8).fill('tanh').join(',');
const HASH =
  '#dataset=spiral&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2' +
  `&net=${Array(6).fill(LAYER).join(';')}&speed=max`;
const NEURONS = 48;
/** Seconds of training before the first sample: caches, JIT and the loss curve settle. */
const WARMUP_SECONDS = 30;

interface Options {
  readonly minutes: number;
  readonly intervalSeconds: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag);
    if (at < 0) return fallback;
    const number = Number(argv[at + 1]);
    if (!Number.isFinite(number) || number <= 0) {
      throw new Error(`${flag} needs a positive number, got "${argv[at + 1] ?? ''}"`);
    }
    return number;
  };
  return { minutes: value('--minutes', 10), intervalSeconds: value('--interval', 60) };
}

/**
 * A CDP session on the page's dedicated worker. Playwright opens CDP sessions on pages and
 * frames only, so this attaches through the browser session without flattening and speaks
 * to the worker through `Target.sendMessageToTarget`.
 */
class WorkerSession {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    (message: { result?: unknown; error?: unknown }) => void
  >();

  private constructor(
    private readonly root: CDPSession,
    readonly targetId: string,
    private readonly sessionId: string,
  ) {
    root.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: unknown;
      };
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    });
  }

  /** Attaches to the training worker's target, or null when there is none. */
  static async attach(root: CDPSession): Promise<WorkerSession | null> {
    const { targetInfos } = await root.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'worker' && t.url.includes('training.worker'),
    );
    if (!target) return null;
    const { sessionId } = await root.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    return new WorkerSession(root, target.targetId, sessionId);
  }

  async send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<{ result?: unknown; error?: unknown }>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`worker did not answer ${method} within 30 s`)),
        30_000,
      );
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
    await this.root.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const message = await answer;
    if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
    return message.result as T;
  }
}

interface Sample {
  readonly seconds: number;
  readonly pageMB: number;
  readonly workerMB: number;
  readonly domNodes: number;
  readonly listeners: number;
  readonly documents: number;
  readonly epoch: number;
}

async function epochOf(page: Page): Promise<number> {
  const text = (await page.getByRole('status', { name: 'Epoch' }).textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

async function sample(
  page: Page,
  pageCdp: CDPSession,
  worker: WorkerSession,
  startedAt: number,
): Promise<Sample> {
  await pageCdp.send('HeapProfiler.collectGarbage');
  await worker.send('HeapProfiler.collectGarbage');
  const pageHeap = await pageCdp.send('Runtime.getHeapUsage');
  const workerHeap = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
  const dom = await pageCdp.send('Memory.getDOMCounters');
  return {
    seconds: (Date.now() - startedAt) / 1000,
    pageMB: pageHeap.usedSize / MB,
    workerMB: workerHeap.usedSize / MB,
    domNodes: dom.nodes,
    listeners: dom.jsEventListeners,
    documents: dom.documents,
    epoch: await epochOf(page),
  };
}

/** Least-squares slope of y over x. */
function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    sxx += ((xs[i] as number) - mx) ** 2;
  }
  return sxy / sxx;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

async function openAndPlay(page: Page, url: string): Promise<void> {
  await page.goto(url + HASH);
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await play.waitFor({ state: 'visible' });
  const neurons = page.locator('button[aria-label^="Layer"]');
  await page.waitForFunction(
    (n) => document.querySelectorAll('button[aria-label^="Layer"]').length === n,
    NEURONS,
  );
  if ((await neurons.count()) !== NEURONS) throw new Error('the 6 x 8 network was not built');
  const speed = await page.getByRole('combobox', { name: 'Speed' }).inputValue();
  if (speed !== 'max') throw new Error(`the link asked for Max but the speed is "${speed}"`);
  await play.click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  // Then the pointer stays still, over nothing that reacts to it.
  await page.mouse.move(1270, 790);
}

async function run(options: Options, problems: string[], cleanups: (() => Promise<void>)[]) {
  const outDir = mkdtempSync(join(tmpdir(), 'activation-soak-'));
  cleanups.push(async () => rmSync(outDir, { recursive: true, force: true }));
  console.log(`Building into ${outDir} ...`);
  buildApp(outDir);
  const site = await serveStatic(outDir);
  cleanups.push(() => site.close());
  const browser: Browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('crash', () => problems.push('the page crashed'));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await openAndPlay(page, site.url);
  const pageCdp = await context.newCDPSession(page);
  const root = await browser.newBrowserCDPSession();
  let worker = await WorkerSession.attach(root);
  if (!worker) throw new Error('no training worker target to attach to');
  const loadBefore = loadavg()[0] ?? NaN;
  console.log(
    `Chromium ${browser.version()}, load ${round(loadBefore)}; warm-up ${WARMUP_SECONDS} s, ` +
      `then ${options.minutes} min, a sample every ${options.intervalSeconds} s`,
  );
  await page.waitForTimeout(WARMUP_SECONDS * 1000);

  const startedAt = Date.now();
  const samples: Sample[] = [];
  const endAt = startedAt + options.minutes * 60_000;
  const print = (s: Sample) =>
    console.log(
      `  ${String(round(s.seconds / 60, 1)).padStart(5)} min  page ${s.pageMB.toFixed(3)} MB` +
        `  worker ${s.workerMB.toFixed(3)} MB  nodes ${s.domNodes}  listeners ${s.listeners}` +
        `  epoch ${s.epoch}`,
    );
  for (;;) {
    const current = await WorkerSession.attach(root);
    if (current && current.targetId !== worker.targetId) {
      problems.push('the training worker was replaced during the run (see the page notices)');
      worker = current;
    }
    const s = await sample(page, pageCdp, worker, startedAt);
    const previous = samples.at(-1);
    if (previous && s.epoch <= previous.epoch)
      problems.push(`training stopped at epoch ${s.epoch}`);
    samples.push(s);
    print(s);
    const next = startedAt + samples.length * options.intervalSeconds * 1000;
    if (next > endAt + 1000) break;
    await page.waitForTimeout(Math.max(0, next - Date.now()));
  }
  const notices = await page
    .locator('.notices [role="status"], .notices [role="alert"]')
    .allTextContents();
  for (const text of notices) problems.push(`notice: ${text}`);

  const hours = samples.map((s) => s.seconds / 3600);
  const first = samples[0] as Sample;
  const last = samples.at(-1) as Sample;
  const minutes = (last.seconds - first.seconds) / 60;
  return {
    minutes: round(minutes, 1),
    samples: samples.length,
    pageMBPerHour: round(
      slope(
        hours,
        samples.map((s) => s.pageMB),
      ),
      3,
    ),
    workerMBPerHour: round(
      slope(
        hours,
        samples.map((s) => s.workerMB),
      ),
      3,
    ),
    domNodesDelta: last.domNodes - first.domNodes,
    listenersDelta: last.listeners - first.listeners,
    pageHeapMB: [round(first.pageMB, 3), round(last.pageMB, 3)],
    workerHeapMB: [round(first.workerMB, 3), round(last.workerMB, 3)],
    domNodes: [first.domNodes, last.domNodes],
    listeners: [first.listeners, last.listeners],
    epochsPerSecond: round(
      (last.epoch - first.epoch) / Math.max(1, last.seconds - first.seconds),
      1,
    ),
    epoch: last.epoch,
    loadAverage: [round(loadBefore), round(loadavg()[0] ?? NaN)],
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const problems: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  let result: object = {};
  try {
    result = await run(options, problems, cleanups);
  } catch (error) {
    problems.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.warn(`cleanup failed: ${String(error)}`));
    }
  }
  for (const problem of problems) console.error(`ERROR ${problem}`);
  console.log(JSON.stringify(result));
  return problems.length > 0 ? 1 : 0;
}

// Exit explicitly: the benchmark must stop by itself whatever handle is left open.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
