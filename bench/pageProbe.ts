/**
 * What the browser benchmark installs in the page before the app's own scripts run: it
 * measures the page from outside, without hooks in src/. It is plain JavaScript in a string
 * (not a function for Playwright to serialise) because tsx's name-keeping helpers would not
 * exist in the page.
 *
 * Between `__activationBench.start()` and `.stop()` it records:
 * - every requestAnimationFrame timestamp (frame intervals), from its own rAF loop;
 * - the time spent in the page's other rAF callbacks (the frame hub paints there);
 * - `putImageData` calls per canvas (one call is one heatmap refresh);
 * - frames received from the training worker, and the time the page's message listeners take;
 * - long tasks (PerformanceObserver 'longtask') and long animation frames with their scripts.
 */

/** One script the Long Animation Frames API blamed, summed over the window. */
export interface ProbeScript {
  readonly invoker: string;
  readonly durationMs: number;
  readonly count: number;
}

/** What `__activationBench.stop()` returns. */
export interface ProbeResult {
  readonly elapsedMs: number;
  readonly epochText: string;
  /** Epoch of the newest frame the worker sent (-1 before any). */
  readonly workerEpoch: number;
  /** Animation frame times, in milliseconds since the window started. */
  readonly rafTimesMs: number[];
  readonly rafIntervalsMs: number[];
  /** The page's own rAF callback time per display frame (ours excluded). */
  readonly rafWorkMs: number[];
  readonly neuronPaintCounts: number[];
  readonly outputHeatmapPaints: number;
  /** putImageData calls on other canvases, by the name of the nearest labelled element. */
  readonly otherPaints: Record<string, number>;
  readonly workerFrames: number;
  readonly messageHandlingMs: number;
  /** Long tasks as [start since the window started, duration], in milliseconds. */
  readonly longTasks: [number, number][];
  /** Every frame from the worker as [time since the window started, epoch]. */
  readonly frameEpochs: [number, number][];
  readonly longAnimationFrames: number;
  readonly longAnimationFrameBlockingMs: number;
  readonly scripts: ProbeScript[];
}

/** What `__activationBench.start()` and `.status()` return. */
export interface ProbeStatus {
  readonly epochText: string;
  readonly workerEpoch: number;
  readonly workerFramesEver: number;
  readonly neuronCanvases: number;
}

/**
 * CSS selector of the hidden neurons' heatmaps: the heatmap canvases in buttons named
 * "Layer …" (not a learned neuron's glyph).
 */
export const NEURON_CANVAS_SELECTOR = 'button[aria-label^="Layer"] canvas.heatmap';

export const PROBE_SOURCE = String.raw`
(() => {
  if (window.__activationBench) return;
  const NEURON_CANVAS_SELECTOR = ${JSON.stringify(NEURON_CANVAS_SELECTOR)};
  const s = {
    recording: false, t0: 0, rafTimes: [], rafWork: [], pendingWork: 0, paints: new Map(),
    workerFrames: 0, workerFramesEver: 0, workerEpoch: -1, messageMs: 0, longTasks: [], frameEpochs: [],
    loafCount: 0, loafBlocking: 0, scripts: new Map(),
  };

  const nativeRaf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => nativeRaf((time) => {
    const start = performance.now();
    try {
      return callback(time);
    } finally {
      s.pendingWork += performance.now() - start;
    }
  });
  const tick = (time) => {
    if (s.recording) {
      s.rafTimes.push(time);
      s.rafWork.push(s.pendingWork);
    }
    s.pendingWork = 0;
    nativeRaf(tick);
  };
  nativeRaf(tick);

  const proto = CanvasRenderingContext2D.prototype;
  const nativePut = proto.putImageData;
  proto.putImageData = function (...args) {
    if (s.recording) s.paints.set(this.canvas, (s.paints.get(this.canvas) || 0) + 1);
    return nativePut.apply(this, args);
  };

  const NativeWorker = window.Worker;
  const wrapped = new WeakMap();
  class ProbedWorker extends NativeWorker {
    constructor(...args) {
      super(...args);
      super.addEventListener('message', (event) => {
        const data = event.data;
        if (data && data.type === 'frame') {
          s.workerFramesEver++;
          s.workerEpoch = data.epoch;
          if (s.recording) {
            s.workerFrames++;
            s.frameEpochs.push([performance.now() - s.t0, data.epoch]);
          }
        }
      });
    }
    addEventListener(type, listener, options) {
      if (type !== 'message' || typeof listener !== 'function') {
        return super.addEventListener(type, listener, options);
      }
      const timed = function (event) {
        const start = performance.now();
        try {
          return listener.call(this, event);
        } finally {
          if (s.recording) s.messageMs += performance.now() - start;
        }
      };
      wrapped.set(listener, timed);
      return super.addEventListener(type, timed, options);
    }
    removeEventListener(type, listener, options) {
      return super.removeEventListener(type, wrapped.get(listener) || listener, options);
    }
  }
  window.Worker = ProbedWorker;

  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch (error) {
      console.warn('benchmark probe: no PerformanceObserver for ' + type);
    }
  };
  observe('longtask', (e) => s.longTasks.push([e.startTime, e.duration]));
  observe('long-animation-frame', (e) => {
    if (!s.recording || e.startTime < s.t0) return;
    s.loafCount++;
    s.loafBlocking += e.blockingDuration || 0;
    for (const script of e.scripts || []) {
      const where = (script.sourceURL || '').split('/').pop();
      const key = (script.invoker || script.invokerType || '?') + (where ? ' @ ' + where : '') +
        (script.sourceFunctionName ? ' ' + script.sourceFunctionName : '');
      const sum = s.scripts.get(key) || { durationMs: 0, count: 0 };
      sum.durationMs += script.duration;
      sum.count++;
      s.scripts.set(key, sum);
    }
  });

  const epochText = () => {
    const element = document.querySelector('[data-testid="epoch"]');
    return element ? element.textContent : '';
  };
  const status = () => ({
    epochText: epochText(),
    workerEpoch: s.workerEpoch,
    workerFramesEver: s.workerFramesEver,
    neuronCanvases: document.querySelectorAll(NEURON_CANVAS_SELECTOR).length,
  });

  window.__activationBench = {
    status,
    start() {
      s.rafTimes = []; s.rafWork = []; s.paints = new Map(); s.workerFrames = 0; s.messageMs = 0;
      s.frameEpochs = [];
      s.loafCount = 0; s.loafBlocking = 0; s.scripts = new Map();
      s.t0 = performance.now();
      s.recording = true;
      return status();
    },
    stop() {
      s.recording = false;
      const t1 = performance.now();
      const neurons = Array.from(document.querySelectorAll(NEURON_CANVAS_SELECTOR));
      const output = document.querySelector('[data-testid="output-heatmap"]');
      const otherPaints = {};
      s.paints.forEach((count, canvas) => {
        if (canvas === output || neurons.includes(canvas)) return;
        const named = canvas.closest('[aria-label]');
        const name = (named && named.getAttribute('aria-label')) || canvas.className || 'canvas';
        otherPaints[name] = (otherPaints[name] || 0) + count;
      });
      const intervals = [];
      for (let i = 1; i < s.rafTimes.length; i++) intervals.push(s.rafTimes[i] - s.rafTimes[i - 1]);
      return {
        elapsedMs: t1 - s.t0,
        epochText: epochText(),
        workerEpoch: s.workerEpoch,
        rafTimesMs: s.rafTimes.map((t) => t - s.t0),
        rafIntervalsMs: intervals,
        rafWorkMs: s.rafWork.slice(1),
        neuronPaintCounts: neurons.map((canvas) => s.paints.get(canvas) || 0),
        outputHeatmapPaints: (output && s.paints.get(output)) || 0,
        otherPaints,
        workerFrames: s.workerFrames,
        messageHandlingMs: s.messageMs,
        longTasks: s.longTasks
          .filter(([start]) => start >= s.t0 && start < t1)
          .map(([start, d]) => [start - s.t0, d]),
        frameEpochs: s.frameEpochs,
        longAnimationFrames: s.loafCount,
        longAnimationFrameBlockingMs: s.loafBlocking,
        scripts: Array.from(s.scripts, ([invoker, v]) => ({ invoker, ...v }))
          .sort((a, b) => b.durationMs - a.durationMs)
          .slice(0, 6),
      };
    },
  };
})();
`;
