/**
 * Save network (downloads the whole trained network as one JSON file), Open network (a file
 * input labelled "Network file", or a file dropped anywhere on the page), and Export PyTorch
 * (a Python file that rebuilds and goes on training the network). An opened file that
 * is refused leaves the page as it was; the reason appears in the notices.
 */
import { useEffect, useRef } from 'react';
import { MAX_FILE_BYTES, playgroundActions, writeNetworkFile } from '../../state';
import { downloadText } from '../download';
import { useRuntime, type Runtime } from '../runtime';

const act = playgroundActions;

/** Reads `file` and opens it as a network, or says why not. */
async function openFile(runtime: Runtime, file: File): Promise<void> {
  if (file.size > MAX_FILE_BYTES) {
    act.pushNotice('error', `The file "${file.name}" is too large to be a network file.`);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    act.pushNotice('error', `The file "${file.name}" could not be read.`);
    return;
  }
  runtime.connection.openNetwork(text);
}

export function NetworkFileControls() {
  const runtime = useRuntime();
  const input = useRef<HTMLInputElement>(null);

  async function save() {
    const file = await runtime.connection.saveNetwork();
    if (file === null) {
      act.pushNotice('warning', 'There is no network to save in a file yet.');
      return;
    }
    const name = `activation-playground-epoch-${file.state.epoch}.json`;
    downloadText(name, writeNetworkFile(file), 'application/json');
  }

  async function exportPytorch() {
    const exported = await runtime.connection.exportPytorch();
    if (exported === null) {
      act.pushNotice('warning', 'There is no network to export yet.');
      return;
    }
    downloadText(exported.name, exported.text, 'text/x-python');
  }

  // A network file dropped anywhere on the page opens it.
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    function onDragOver(event: DragEvent) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    }
    function onDrop(event: DragEvent) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void openFile(runtime, file);
    }
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [runtime]);

  return (
    <div className="network-file" role="group" aria-label="Save and open">
      <button
        type="button"
        className="text-button"
        title="Download this network, its training and its loss curve as one file"
        onClick={() => void save()}
      >
        Save network
      </button>
      <button
        type="button"
        className="text-button"
        title="Continue from a saved network file (or drop one on the page)"
        onClick={() => input.current?.click()}
      >
        Open network
      </button>
      <button
        type="button"
        className="text-button"
        title="Download a Python file that rebuilds this network in PyTorch, with its weights, data and optimizer state"
        onClick={() => void exportPytorch()}
      >
        Export PyTorch
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        // Reached through Open network (and drag and drop): no invisible stop for Tab.
        tabIndex={-1}
        aria-label="Network file"
        accept=".json,application/json"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void openFile(runtime, file);
        }}
      />
    </div>
  );
}
