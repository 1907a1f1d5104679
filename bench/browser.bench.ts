/**
 * The page's speed in headless Chromium, measured from outside: builds the app into a
 * temporary folder, serves it, opens two scenarios, presses Play and measures over a window.
 * Prints a table per scenario, then, as the last line, one JSON object of all figures.
 *
 *   npm run bench:browser                       60 s per scenario after a 2 s warm-up
 *   BENCH_SECONDS=10 npm run bench:browser      a quick run
 *   BENCH_SCENARIOS=deep6x8 npm run bench:browser
 *
 * Env: BENCH_SECONDS (window, default 60), BENCH_WARMUP_SECONDS (default 2), BENCH_SCENARIOS
 * (comma-separated keys, default all), BENCH_TRACE_DIR (also records a Chrome trace of a few
 * seconds after each window, `<key>.trace.json`, for chrome://tracing or the DevTools
 * Performance panel; the figures are measured without it), BENCH_MINIFY=0 (readable function
 * names in traces). On Linux it also reports the CPU time of the browser's threads (main,
 * worker, compositing and raster), which other work on a shared machine disturbs less than
 * the wall-clock figures. The speed control is set to Max. No figure is asserted; it exits
 * non-zero only when the page failed (page errors, no frames, training that did not start or
 * stopped).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../scripts/chromium';
import { buildApp, serveStatic } from '../scripts/staticServer';
import { PROBE_SOURCE, type ProbeResult, type ProbeStatus } from './pageProbe';
import { shareOfCores, threadTicks, threadUse, type ThreadUse } from './threadCpu';

const VIEWPORT = { width: 1280, height: 800 };
const SECONDS = positiveNumber('BENCH_SECONDS', 60);
const WARMUP_SECONDS = positiveNumber('BENCH_WARMUP_SECONDS', 2);
const TRACE_DIR = process.env.BENCH_TRACE_DIR || null;
const TRACE_SECONDS = 3;
const MINIFY = process.env.BENCH_MINIFY !== '0';
/** Everything but the measuring windows: build, launch, page loads, heap snapshots. */
const OVERHEAD_BUDGET_MS = 240_000;
const MB = 1024 * 1024;

interface Scenario {
  readonly key: string;
  readonly title: string;
  readonly hash: string;
  readonly neurons: number;
  /** Done once training runs, before the warm-up (opening views to measure with). */
  readonly afterPlay?: (page: Page) => Promise<void>;
}

const DEEP_LAYER = Array(8).fill('tanh').join(',');
const SCENARIOS: readonly Scenario[] = [
  { key: 'default', title: 'Default view (/)', hash: '', neurons: 6 },
  {
    key: 'deep6x8',
    title: '6 hidden layers x 8 tanh, 7 features, spiral, batch 10, train 50%, noise 0',
    hash:
      '#dataset=spiral&noise=0&train=50&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2' +
      `&net=${Array(6).fill(DEEP_LAYER).join(';')}&batch=10`,
    neurons: 48,
  },
  {
    key: 'mixture6x8',
    title: 'deep6x8 with every neuron a Learned mix over the default palette',
    hash:
      '#dataset=spiral&noise=0&train=50&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2' +
      `&net=${Array(6).fill(Array(8).fill('mixture').join(',')).join(';')}&batch=10`,
    neurons: 48,
  },
  {
    key: 'diag6x8',
    title:
      "deep6x8 with the diagnostics in view: a neuron's palette (curve and histogram), gradient flow",
    hash:
      '#dataset=spiral&noise=0&train=50&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2' +
      `&net=${Array(6).fill(DEEP_LAYER).join(';')}&batch=10`,
    neurons: 48,
    async afterPlay(page) {
      // The gradient flow chart in the loss chart's place, then a middle neuron's palette open.
      await page.getByRole('button', { name: 'Gradient flow', exact: true }).click();
      await page.locator('figure.gradient-flow').waitFor({ state: 'visible' });
      await page.getByRole('button', { name: /^Layer 3 neuron 4,/ }).click();
      await page.locator('.neuron-curve').waitFor({ state: 'visible' });
    },
  },
];

/** TensorFlow Playground measured the same way, and the goals for 6x8 (issue text). */
const REFERENCE: Record<string, Partial<Record<keyof Figures, string>>> = {
  default: { epochsPerSecond: 'TFP 54', frameP50Ms: 'TFP ~18.5 (54 fps)' },
  deep6x8: {
    epochsPerSecond: 'TFP 12.7; goal >= 250',
    frameP95Ms: 'TFP 100; goal <= 20',
    longTaskTotalMs: 'TFP 10.2 s per 10 s',
    longestTaskMs: 'goal <= 50',
    heatmapRefreshesPerSecondMin: 'goal >= 20',
  },
  diag6x8: {
    fps: 'goal 60',
    frameP95Ms: 'goal <= 20',
    longTaskCount: 'goal 0',
    heatmapRefreshesPerSecondMin: 'goal >= 20',
  },
};

interface Figures {
  seconds: number;
  epochsPerSecond: number;
  workerEpochsPerSecond: number;
  workerFramesPerSecond: number;
  fps: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
  longTaskCount: number;
  longTaskTotalMs: number;
  longestTaskMs: number;
  longAnimationFrames: number;
  neuronCount: number;
  heatmapRefreshesPerSecond: number;
  heatmapRefreshesPerSecondMin: number;
  outputHeatmapRefreshesPerSecond: number;
  rafWorkP50Ms: number;
  rafWorkP95Ms: number;
  messageHandlingMsPerSecond: number;
  mainThreadBusyPercent: number;
  mainThreadMsPerFrame: number;
  scriptPercent: number;
  layoutPercent: number;
  styleRecalcPercent: number;
  cpuMainMsPerSecond: number;
  cpuWorkerMsPerSecond: number;
  cpuOtherMsPerSecond: number;
  cpuAllCoresPercent: number;
  heapStartMB: number;
  heapMB: number;
  heapAfterGcMB: number;
}

const LABELS: Record<keyof Figures, string> = {
  seconds: 'measured window (s)',
  epochsPerSecond: 'epochs/s (Epoch readout)',
  workerEpochsPerSecond: 'epochs/s (worker frames)',
  workerFramesPerSecond: 'frames from worker /s',
  fps: 'animation frames /s',
  frameP50Ms: 'frame interval p50 (ms)',
  frameP95Ms: 'frame interval p95 (ms)',
  frameMaxMs: 'frame interval max (ms)',
  longTaskCount: 'long tasks (> 50 ms)',
  longTaskTotalMs: 'long-task time total (ms)',
  longestTaskMs: 'longest task (ms)',
  longAnimationFrames: 'long animation frames',
  neuronCount: 'hidden-neuron heatmaps',
  heatmapRefreshesPerSecond: 'heatmap refreshes /s/neuron',
  heatmapRefreshesPerSecondMin: '... slowest neuron',
  outputHeatmapRefreshesPerSecond: 'big output heatmap refreshes /s',
  rafWorkP50Ms: 'rAF paint JS p50 (ms/frame)',
  rafWorkP95Ms: 'rAF paint JS p95 (ms/frame)',
  messageHandlingMsPerSecond: 'worker-message JS (ms/s)',
  mainThreadBusyPercent: 'main thread busy (%)',
  mainThreadMsPerFrame: '... ms per worker frame',
  scriptPercent: '... of which script (%)',
  layoutPercent: '... layout (%)',
  styleRecalcPercent: '... style recalc (%)',
  cpuMainMsPerSecond: 'CPU: page main thread (ms/s)',
  cpuWorkerMsPerSecond: 'CPU: training worker (ms/s)',
  cpuOtherMsPerSecond: 'CPU: other browser threads (ms/s)',
  cpuAllCoresPercent: 'CPU: all threads (% of cores)',
  heapStartMB: 'JS heap at window start (MB)',
  heapMB: 'JS heap at end (MB)',
  heapAfterGcMB: 'JS heap at end after GC (MB)',
};

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name}="${raw}" is not a positive number`);
  return value;
}

function chosenScenarios(): readonly Scenario[] {
  const raw = process.env.BENCH_SCENARIOS;
  if (!raw) return SCENARIOS;
  const keys = raw.split(',').map((k) => k.trim());
  const unknown = keys.filter((k) => !SCENARIOS.some((s) => s.key === k));
  if (unknown.length > 0) throw new Error(`unknown BENCH_SCENARIOS: ${unknown.join(', ')}`);
  return SCENARIOS.filter((s) => keys.includes(s.key));
}

/** Nearest-rank percentile (p from 0 to 100) of unsorted values; NaN when empty. */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Builds the app into a fresh temporary folder (never touching dist/, which tests use). */
function buildInto(outDir: string): void {
  console.log(`Building into ${outDir} ...`);
  buildApp(outDir, { extra: MINIFY ? [] : ['--minify', 'false'] });
}

async function heapUsedMB(cdp: CDPSession): Promise<number> {
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / MB;
}

async function performanceMetrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return new Map(metrics.map((m) => [m.name, m.value]));
}

function probe<T>(page: Page, method: 'status' | 'start' | 'stop'): Promise<T> {
  // A string, not a function: see pageProbe.ts on why nothing is serialised from tsx.
  return page.evaluate(`window.__activationBench.${method}()`) as Promise<T>;
}

function epochOf(text: string): number {
  const value = Number(text.replace(/[^\d.]/g, ''));
  if (text.trim() === '' || !Number.isFinite(value))
    throw new Error(`Epoch readout "${text}" is not a number`);
  return value;
}

async function waitFor(
  page: Page,
  what: string,
  ready: (status: ProbeStatus) => boolean,
  timeoutMs = 20_000,
): Promise<ProbeStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await probe<ProbeStatus>(page, 'status');
    if (ready(status)) return status;
    if (Date.now() > until) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(100);
  }
}

/** Opens the scenario, checks it shows the expected network, presses Play, warms up. */
async function openAndPlay(page: Page, baseUrl: string, scenario: Scenario): Promise<void> {
  await page.goto(baseUrl + scenario.hash);
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await play.waitFor({ state: 'visible' });
  const loaded = await waitFor(
    page,
    'The first frame',
    (s) => s.workerFramesEver > 0 && s.neuronCanvases > 0,
  );
  if (loaded.neuronCanvases !== scenario.neurons) {
    throw new Error(
      `${scenario.key}: ${loaded.neuronCanvases} neuron heatmaps, expected ${scenario.neurons} (link not applied?)`,
    );
  }
  const speed = page.getByLabel('Speed');
  if ((await speed.inputValue()) !== 'max') await speed.selectOption('max');
  await play.click();
  await waitFor(page, 'Training', (s) => s.epochText !== '' && epochOf(s.epochText) > 0);
  await scenario.afterPlay?.(page);
  await page.waitForTimeout(WARMUP_SECONDS * 1000);
}

interface Recording {
  readonly start: ProbeStatus;
  readonly result: ProbeResult;
  readonly metricsStart: Map<string, number>;
  readonly metricsEnd: Map<string, number>;
  readonly heapStart: number;
  readonly heapEnd: number;
  readonly heapAfterGc: number;
  /** CPU use of the browser's threads over the window (empty where /proc is not). */
  readonly threads: ThreadUse[];
}

/** Records SECONDS of playing; the heap after GC last, as forcing GC disturbs the page. */
async function recordWindow(page: Page, cdp: CDPSession): Promise<Recording> {
  const heapStart = await heapUsedMB(cdp);
  const metricsStart = await performanceMetrics(cdp);
  const ticksStart = threadTicks();
  const start = await probe<ProbeStatus>(page, 'start');
  await page.waitForTimeout(SECONDS * 1000);
  const result = await probe<ProbeResult>(page, 'stop');
  const threads = threadUse(ticksStart, threadTicks(), result.elapsedMs / 1000);
  const metricsEnd = await performanceMetrics(cdp);
  const heapEnd = await heapUsedMB(cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterGc = await heapUsedMB(cdp);
  return { start, result, metricsStart, metricsEnd, heapStart, heapEnd, heapAfterGc, threads };
}

/** What went wrong in the page during the window, in words (empty when nothing did). */
async function problemsOf(page: Page, result: ProbeResult): Promise<string[]> {
  const problems: string[] = [];
  if (result.workerFrames === 0) problems.push('no frames from the worker while playing');
  if (result.rafIntervalsMs.length === 0) problems.push('no animation frames');
  if (result.neuronPaintCounts.every((c) => c === 0)) problems.push('no heatmap was painted');
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (!(await pause.isVisible())) problems.push('training stopped during the window');
  return problems;
}

function figuresOf(w: Recording): Figures {
  const { result } = w;
  const seconds = result.elapsedMs / 1000;
  // CDP's *Duration metrics are cumulative seconds of main-thread time.
  const spent = (name: string) =>
    (w.metricsEnd.get(name) ?? NaN) - (w.metricsStart.get(name) ?? NaN);
  const busy = (name: string) => (spent(name) / seconds) * 100;
  const perNeuron = result.neuronPaintCounts.map((c) => c / seconds);
  const epochs = epochOf(result.epochText) - epochOf(w.start.epochText);
  // The page's two busy threads (Linux truncates thread names to 15 characters).
  const cpuOf = (thread: string) => w.threads.find((t) => t.thread === thread)?.msPerSecond ?? 0;
  const cpuMain = cpuOf('renderer main');
  const cpuWorker = cpuOf('renderer DedicatedWorker');
  const cpuAll = w.threads.reduce((sum, t) => sum + t.msPerSecond, 0);
  return {
    seconds: round(seconds, 2),
    epochsPerSecond: round(epochs / seconds),
    workerEpochsPerSecond: round((result.workerEpoch - w.start.workerEpoch) / seconds),
    workerFramesPerSecond: round(result.workerFrames / seconds),
    fps: round(result.rafIntervalsMs.length / seconds),
    frameP50Ms: round(percentile(result.rafIntervalsMs, 50)),
    frameP95Ms: round(percentile(result.rafIntervalsMs, 95)),
    frameMaxMs: round(Math.max(0, ...result.rafIntervalsMs)),
    longTaskCount: result.longTasks.length,
    longTaskTotalMs: round(result.longTasks.reduce((sum, [, d]) => sum + d, 0)),
    longestTaskMs: round(Math.max(0, ...result.longTasks.map(([, d]) => d))),
    longAnimationFrames: result.longAnimationFrames,
    neuronCount: perNeuron.length,
    heatmapRefreshesPerSecond: round(
      perNeuron.reduce((a, b) => a + b, 0) / Math.max(1, perNeuron.length),
    ),
    heatmapRefreshesPerSecondMin: round(perNeuron.length > 0 ? Math.min(...perNeuron) : 0),
    outputHeatmapRefreshesPerSecond: round(result.outputHeatmapPaints / seconds),
    rafWorkP50Ms: round(percentile(result.rafWorkMs, 50), 2),
    rafWorkP95Ms: round(percentile(result.rafWorkMs, 95), 2),
    messageHandlingMsPerSecond: round(result.messageHandlingMs / seconds),
    mainThreadBusyPercent: round(busy('TaskDuration')),
    mainThreadMsPerFrame: round((spent('TaskDuration') * 1000) / Math.max(1, result.workerFrames)),
    scriptPercent: round(busy('ScriptDuration')),
    layoutPercent: round(busy('LayoutDuration')),
    styleRecalcPercent: round(busy('RecalcStyleDuration')),
    cpuMainMsPerSecond: round(cpuMain),
    cpuWorkerMsPerSecond: round(cpuWorker),
    cpuOtherMsPerSecond: round(cpuAll - cpuMain - cpuWorker),
    cpuAllCoresPercent: round(shareOfCores(w.threads)),
    heapStartMB: round(w.heapStart, 2),
    heapMB: round(w.heapEnd, 2),
    heapAfterGcMB: round(w.heapAfterGc, 2),
  };
}

/** One scenario in a fresh browser context; page errors and failures go to `errors`. */
async function measure(
  browser: Browser,
  baseUrl: string,
  scenario: Scenario,
  errors: string[],
): Promise<Figures> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: PROBE_SOURCE });
    page.on('pageerror', (error) => errors.push(`${scenario.key}: page error: ${error.message}`));
    page.on('crash', () => errors.push(`${scenario.key}: the page crashed`));
    page.on('console', (message) => {
      if (message.type() === 'error')
        console.warn(`  [${scenario.key}] console error: ${message.text()}`);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await openAndPlay(page, baseUrl, scenario);
    const recording = await recordWindow(page, cdp);
    for (const problem of await problemsOf(page, recording.result)) {
      errors.push(`${scenario.key}: ${problem}`);
    }
    if (TRACE_DIR) await recordTrace(browser, page, join(TRACE_DIR, `${scenario.key}.trace.json`));
    const figures = figuresOf(recording);
    printTable(scenario, figures, recording.result);
    printThreads(recording.threads);
    return figures;
  } finally {
    await context.close();
  }
}

/** A Chrome trace of TRACE_SECONDS more of playing, with JS samples. */
async function recordTrace(browser: Browser, page: Page, path: string): Promise<void> {
  mkdirSync(TRACE_DIR as string, { recursive: true });
  await browser.startTracing(page, { path });
  await page.waitForTimeout(TRACE_SECONDS * 1000);
  await browser.stopTracing();
  console.log(`  trace written to ${path}`);
}

const TIMELINE_SLICES = 6;

/**
 * The window in equal slices, to tell a page that slows down as training goes on (a growing
 * loss curve, a leak) from one that is steadily slow or disturbed by other work on the machine.
 */
function printTimeline(result: ProbeResult): void {
  const slice = result.elapsedMs / TIMELINE_SLICES;
  const seconds = slice / 1000;
  const line = (cells: (string | number)[]) =>
    console.log(
      `    ${cells.map((c, i) => String(c)[i === 0 ? 'padEnd' : 'padStart'](10)).join('')}`,
    );
  console.log('  timeline:');
  line(['', 'epochs/s', 'frames/s', 'fps', 'long ms']);
  for (let i = 0; i < TIMELINE_SLICES; i++) {
    const from = i * slice;
    const to = from + slice;
    const inSlice = ([t]: readonly number[]) => (t as number) >= from && (t as number) < to;
    const frames = result.frameEpochs.filter(inSlice);
    const first = frames[0];
    const last = frames.at(-1);
    // Epochs between the slice's first and last frames, over the time between them.
    const epochsPerSecond =
      first && last && last[0] > first[0]
        ? ((last[1] - first[1]) * 1000) / (last[0] - first[0])
        : 0;
    const animationFrames = result.rafTimesMs.filter((t) => t >= from && t < to).length;
    const longMs = result.longTasks.filter(inSlice).reduce((sum, [, d]) => sum + d, 0);
    line([
      `${round(from / 1000, 0)}-${round(to / 1000, 0)} s`,
      round(epochsPerSecond, 0),
      round(frames.length / seconds),
      round(animationFrames / seconds),
      round(longMs, 0),
    ]);
  }
}

function printTable(scenario: Scenario, figures: Figures, result: ProbeResult): void {
  const reference = REFERENCE[scenario.key] ?? {};
  console.log(`\n== ${scenario.key}: ${scenario.title}`);
  for (const key of Object.keys(LABELS) as (keyof Figures)[]) {
    const note = reference[key] ? `   (${reference[key]})` : '';
    console.log(`  ${LABELS[key].padEnd(34)} ${String(figures[key]).padStart(10)}${note}`);
  }
  for (const [name, count] of Object.entries(result.otherPaints)) {
    console.log(`  also painted: "${name}" ${round(count / figures.seconds)} /s`);
  }
  printTimeline(result);
  if (result.scripts.length > 0) {
    console.log('  scripts in long animation frames (sum ms, count):');
    for (const s of result.scripts) {
      console.log(
        `    ${round(s.durationMs).toString().padStart(8)}  ${String(s.count).padStart(5)}  ${s.invoker}`,
      );
    }
  }
}

const THREADS_SHOWN = 8;

/** The busiest browser threads of the window. */
function printThreads(threads: readonly ThreadUse[]): void {
  if (threads.length === 0) return;
  console.log('  busiest threads (CPU ms/s):');
  for (const t of threads.slice(0, THREADS_SHOWN)) {
    console.log(`    ${round(t.msPerSecond).toString().padStart(8)}  ${t.thread}`);
  }
}

async function run(
  all: Record<string, number | string>,
  errors: string[],
  cleanups: (() => Promise<void>)[],
): Promise<void> {
  const scenarios = chosenScenarios();
  const outDir = mkdtempSync(join(tmpdir(), 'activation-bench-'));
  cleanups.push(async () => rmSync(outDir, { recursive: true, force: true }));
  buildInto(outDir);
  const site = await serveStatic(outDir);
  const url = site.url;
  cleanups.push(() => site.close());
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH_OPTIONS,
  });
  cleanups.push(() => browser.close());
  all.browser = `Chromium ${browser.version()}`;
  all.cpus = cpus().length;
  all.viewport = `${VIEWPORT.width}x${VIEWPORT.height}`;
  // Other work on the machine slows the worker and the page alike: report it with the figures.
  all.loadAverageBefore = round(loadavg()[0] ?? NaN, 2);
  console.log(
    `${all.browser}, ${all.cpus} CPUs (load ${all.loadAverageBefore}), viewport ${all.viewport}, ` +
      `warm-up ${WARMUP_SECONDS} s, window ${SECONDS} s`,
  );
  for (const scenario of scenarios) {
    const figures = await measure(browser, url, scenario, errors);
    for (const [key, value] of Object.entries(figures)) all[`${scenario.key}_${key}`] = value;
  }
  all.loadAverageAfter = round(loadavg()[0] ?? NaN, 2);
}

async function main(): Promise<number> {
  const all: Record<string, number | string> = {};
  const errors: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const budgetMs = OVERHEAD_BUDGET_MS + SCENARIOS.length * (WARMUP_SECONDS + SECONDS) * 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`benchmark took longer than ${budgetMs / 1000} s`)),
      budgetMs,
    );
  });
  try {
    await Promise.race([run(all, errors, cleanups), timeout]);
  } catch (error) {
    errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    clearTimeout(timer);
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.warn(`cleanup failed: ${String(error)}`));
    }
  }
  for (const error of errors) console.error(`ERROR ${error}`);
  console.log(JSON.stringify(all));
  return errors.length > 0 ? 1 : 0;
}

// exit explicitly: the benchmark must stop by itself whatever handle is left open.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
