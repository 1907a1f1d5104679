/** The whole page: run controls on top, data left, network middle, output right. */
import { DataPanel } from './data/DataPanel';
import { Header } from './header/Header';
import { NetworkPanel } from './network/NetworkPanel';
import { Notices } from './Notices';
import { OutputPanel } from './output/OutputPanel';
import { RuntimeProvider } from './runtime';
import { useViewFlagsFromHash } from './useViewFlags';

export function App() {
  const { embed, presentation } = useViewFlagsFromHash();
  const mode = `app${embed ? ' embed' : ''}${presentation ? ' presentation' : ''}`;
  return (
    <RuntimeProvider>
      <div className={mode}>
        <Header />
        <Notices />
        <main className="workspace">
          <DataPanel />
          <NetworkPanel />
          <OutputPanel />
        </main>
      </div>
    </RuntimeProvider>
  );
}
