/**
 * The whole page: run controls on top, data left, network middle, output right; the
 * Experiment dialog and the Comparison over it when open (the page behind is then inert).
 */
import { useComparison } from '../state';
import { Comparison } from './compare/Comparison';
import { DataPanel } from './data/DataPanel';
import { ExperimentDialog } from './experiment/ExperimentDialog';
import { Header } from './header/Header';
import { NetworkPanel } from './network/NetworkPanel';
import { Notices } from './Notices';
import { OutputPanel } from './output/OutputPanel';
import { RuntimeProvider } from './runtime';

export function App() {
  const comparing = useComparison((s) => s.open);
  return (
    <RuntimeProvider>
      <div className="app" inert={comparing}>
        <Header />
        <Notices />
        <main className="workspace">
          <DataPanel />
          <NetworkPanel />
          <OutputPanel />
        </main>
      </div>
      <Comparison />
      <ExperimentDialog />
    </RuntimeProvider>
  );
}
