/**
 * CPU time of the browser's threads, read from Linux's /proc: how much of the machine's cores
 * the page's main thread, the training worker and Chromium's compositing and raster threads
 * take. Why: wall-clock figures (frame intervals, "main thread busy") grow when other work on
 * the machine takes the cores, CPU time much less, and only CPU time tells whether the cores
 * are saturated. Elsewhere than on Linux the readings are empty.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU ticks used so far by each thread, by "pid:tid". */
export interface ThreadTicks {
  readonly names: Map<string, string>;
  readonly ticks: Map<string, number>;
}

/** A thread group's CPU use over a window. */
export interface ThreadUse {
  /** Chromium's process type and the thread's name, e.g. "renderer CrRendererMain". */
  readonly thread: string;
  /** CPU milliseconds per second of window (1000 is a whole core). */
  readonly msPerSecond: number;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended between listing and reading
  }
}

/** The name, parent pid and user+system ticks of a /proc stat line. */
function parseStat(stat: string): { name: string; ppid: number; ticks: number } {
  // The name is in parentheses and may hold spaces; the fields after it are space-separated.
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  return {
    name: stat.slice(open + 1, close),
    ppid: Number(fields[1]),
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

function numericEntries(path: string): number[] {
  try {
    return readdirSync(path)
      .filter((e) => /^\d+$/.test(e))
      .map(Number);
  } catch {
    return [];
  }
}

/** Every process descended from `root` (the benchmark's node process launches Chromium). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of numericEntries('/proc')) {
    const stat = readText(`/proc/${pid}/stat`);
    if (stat === null) continue;
    const { ppid } = parseStat(stat);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** "renderer", "gpu-process", "utility" from Chromium's --type flag; "browser" without one. */
function processType(pid: number): string {
  const cmdline = readText(`/proc/${pid}/cmdline`) ?? '';
  return /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
}

/** The CPU ticks of every thread of the processes this one started. */
export function threadTicks(root: number = process.pid): ThreadTicks {
  const names = new Map<string, string>();
  const ticks = new Map<string, number>();
  for (const pid of descendants(root)) {
    const type = processType(pid);
    for (const tid of numericEntries(`/proc/${pid}/task`)) {
      const stat = readText(`/proc/${pid}/task/${tid}/stat`);
      if (stat === null) continue;
      const parsed = parseStat(stat);
      const key = `${pid}:${tid}`;
      // A process's main thread carries the process's name ("chromium"): call it "main".
      names.set(key, `${type} ${tid === pid ? 'main' : parsed.name}`);
      ticks.set(key, parsed.ticks);
    }
  }
  return { names, ticks };
}

/**
 * CPU use between two readings, by thread name, busiest first. Threads of one name are summed:
 * the pool threads that raster tiles or run the garbage collector's helpers share one name.
 * @param seconds the window's length
 */
export function threadUse(start: ThreadTicks, end: ThreadTicks, seconds: number): ThreadUse[] {
  const byName = new Map<string, number>();
  for (const [key, ticks] of end.ticks) {
    const used = ticks - (start.ticks.get(key) ?? 0);
    const name = end.names.get(key) as string;
    byName.set(name, (byName.get(name) ?? 0) + used);
  }
  return [...byName]
    .map(([thread, used]) => ({
      thread,
      msPerSecond: (used * 1000) / TICKS_PER_SECOND / seconds,
    }))
    .filter((u) => u.msPerSecond > 0)
    .sort((a, b) => b.msPerSecond - a.msPerSecond);
}

/** The share of all the machine's cores that `use` adds up to, in percent. */
export function shareOfCores(use: readonly ThreadUse[]): number {
  const total = use.reduce((sum, u) => sum + u.msPerSecond, 0);
  return total / 10 / cpus().length;
}
