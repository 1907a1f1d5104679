/**
 * "Download diagram (SVG)" and "Download diagram (PNG)": the whole network diagram as it is on
 * the screen, as a picture sized for slides (diagramPicture.ts).
 */
import type { RefObject } from 'react';
import { downloadBlob, downloadText } from '../download';
import { diagramSvg, paintDiagramPicture } from './diagramPicture';
import { readDiagramScene } from './diagramScene';

const NAME = 'activation-playground-network';

export function DiagramDownloads({ diagram }: { diagram: RefObject<HTMLDivElement | null> }) {
  function downloadSvg() {
    if (!diagram.current) return;
    const scene = readDiagramScene(diagram.current);
    downloadText(
      `${NAME}.svg`,
      diagramSvg(scene, 'Activation Playground network'),
      'image/svg+xml',
    );
  }
  function downloadPng() {
    if (!diagram.current) return;
    const canvas = document.createElement('canvas');
    paintDiagramPicture(canvas, readDiagramScene(diagram.current));
    canvas.toBlob((blob) => {
      if (blob) downloadBlob(`${NAME}.png`, blob);
    }, 'image/png');
  }
  return (
    <div className="diagram-downloads">
      <button type="button" className="text-button" onClick={downloadSvg}>
        Download diagram (SVG)
      </button>
      <button type="button" className="text-button" onClick={downloadPng}>
        Download diagram (PNG)
      </button>
    </div>
  );
}
