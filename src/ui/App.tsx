/**
 * The whole page: run controls on top, data left, network middle, output right; the
 * Experiment dialog and the Comparison over it when open (the page behind is then inert).
 */
import { useComparison } from '../state';
import { Comparison } from './compare/Comparison';
import { DataPanel } from './data/DataPanel';
import { ExperimentDialog } from './experiment/ExperimentDialog';
import { Header } from './header/Header';
import { LessonCard } from './lessons/LessonCard';
import { useLessonFromLink } from './lessons/useLessonStarter';
import { NetworkPanel } from './network/NetworkPanel';
import { Notices } from './Notices';
import { OutputPanel } from './output/OutputPanel';
import { RuntimeProvider } from './runtime';
import { useViewFlagsFromHash } from './useViewFlags';

export function App() {
  const comparing = useComparison((s) => s.open);
  const { embed, presentation } = useViewFlagsFromHash();
  const mode = `app${embed ? ' embed' : ''}${presentation ? ' presentation' : ''}`;
  return (
    <RuntimeProvider>
      <div className={mode} inert={comparing}>
        <Header />
        <Notices />
        <LessonCard />
        <LessonLink />
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

/** Opens a lesson named by the link (inside the runtime, which starting a lesson needs). */
function LessonLink() {
  useLessonFromLink();
  return null;
}
