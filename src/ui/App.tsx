/** The whole page: run controls on top, data left, network middle, output right. */
import { DataPanel } from './data/DataPanel';
import { ExperimentDialog } from './experiment/ExperimentDialog';
import { Header } from './header/Header';
import { NetworkPanel } from './network/NetworkPanel';
import { Notices } from './Notices';
import { OutputPanel } from './output/OutputPanel';
import { RuntimeProvider } from './runtime';

export function App() {
  return (
    <RuntimeProvider>
      <div className="app">
        <Header />
        <Notices />
        <main className="workspace">
          <DataPanel />
          <NetworkPanel />
          <OutputPanel />
        </main>
      </div>
      <ExperimentDialog />
    </RuntimeProvider>
  );
}
