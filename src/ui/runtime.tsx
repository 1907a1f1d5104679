/**
 * The page's live connections, made once: the training worker's client, the frame hub and
 * the bridge between them and the store. Components reach the hub (frames to paint) and the
 * connection (step, reset, weights) through `useRuntime`; the client stays behind the bridge.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { connect, FrameHub, playgroundStore, type Connection } from '../state';
import { TrainingClient } from '../worker/client';

export interface Runtime {
  readonly hub: FrameHub;
  readonly connection: Connection;
}

const RuntimeContext = createContext<Runtime | null>(null);

/** Starts the worker and the bridge for the lifetime of the page. */
export function RuntimeProvider({ children }: { children: ReactNode }) {
  const [runtime, setRuntime] = useState<Runtime | null>(null);
  useEffect(() => {
    const client = new TrainingClient();
    const hub = new FrameHub();
    const connection = connect(playgroundStore, client, hub);
    setRuntime({ hub, connection });
    return () => {
      connection.disconnect();
      hub.dispose();
      client.dispose();
    };
  }, []);
  if (!runtime) return null;
  return <RuntimeContext.Provider value={runtime}>{children}</RuntimeContext.Provider>;
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
