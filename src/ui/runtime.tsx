/**
 * The page's live connections, made once: the training worker's client, the frame hub and
 * the bridge between them and the store. Components reach the hub (frames to paint) and the
 * connection (step, reset, weights) through `useRuntime`; the client stays behind the bridge.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  connect,
  connectTimeline,
  FrameHub,
  playgroundStore,
  type Connection,
  type TimelineConnection,
} from '../state';
import { TrainingClient } from '../worker/client';
import { installTestHooks } from '../worker/testHooks';

export interface Runtime {
  readonly hub: FrameHub;
  readonly connection: Connection;
  /** The timeline to scrub back on (slider, back to live, resume from here). */
  readonly timeline: TimelineConnection;
}

const RuntimeContext = createContext<Runtime | null>(null);

/** Starts the worker and the bridge for the lifetime of the page. */
export function RuntimeProvider({ children }: { children: ReactNode }) {
  const [runtime, setRuntime] = useState<Runtime | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  useEffect(() => {
    let client: TrainingClient;
    try {
      client = new TrainingClient(
        import.meta.env.MODE === 'e2e' ? { createWorker: installTestHooks() } : {},
      );
    } catch (error) {
      // `new Worker` threw: the browser will not run the worker (no support, or a security
      // policy that refuses it). Say so instead of leaving the page blank.
      setStartError(error instanceof Error ? error.message : String(error));
      return;
    }
    const hub = new FrameHub();
    const connection = connect(playgroundStore, client, hub);
    const timeline = connectTimeline(playgroundStore, client, hub);
    setRuntime({ hub, connection, timeline });
    return () => {
      timeline.disconnect();
      connection.disconnect();
      hub.dispose();
      client.dispose();
    };
  }, []);
  if (startError !== null) return <WorkerUnavailable reason={startError} />;
  if (!runtime) return null;
  return <RuntimeContext.Provider value={runtime}>{children}</RuntimeContext.Provider>;
}

/** What the page shows when the browser refuses to start the training worker at all. */
function WorkerUnavailable({ reason }: { reason: string }) {
  return (
    <div className="app">
      <div className="notices">
        <div className="notice notice-error" role="alert">
          <p>
            <strong>Activation Playground cannot train in this browser.</strong> It trains its
            networks in a web worker, and the browser refused to start one ({reason}). Try another
            browser, or check whether an extension or a security setting blocks web workers on this
            page.
          </p>
        </div>
      </div>
    </div>
  );
}

export function useRuntime(): Runtime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useRuntime outside RuntimeProvider');
  return runtime;
}

/**
 * Calls `paint` with the hub after every frame (in the hub's animation-frame callback), and
 * once at mount when a frame is already there. `paint` should read `hub.latestFrame` afresh.
 */
export function useHubPainter(paint: (hub: FrameHub) => void): void {
  const { hub } = useRuntime();
  useEffect(() => {
    paint(hub);
    return hub.subscribe(paint);
  }, [hub, paint]);
}
