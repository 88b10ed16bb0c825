import { useEffect, useState } from 'react';

const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files, folders or archives dropped anywhere on the window are imported. The overlay shows only
 * while files are dragged over; a drop of anything else (text, a link) is ignored, and the page
 * never navigates to a dropped file.
 */
export function DropZone({ disabled, onPaths }: { disabled: boolean; onPaths: (paths: string[]) => void }) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    };
    const leave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent): void => {
      e.preventDefault();
      depth = 0;
      setOver(false);
      if (disabled || !e.dataTransfer) return;
      const pathFor = window.nhiAuditFiles?.pathFor;
      const paths = [...e.dataTransfer.files].map((f) => (pathFor ? pathFor(f) : '')).filter((p) => p !== '');
      if (paths.length > 0) onPaths(paths);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [disabled, onPaths]);
  if (!over) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <p>{disabled ? 'An import is running: drop again when it has finished.' : 'Drop export files, folders or .zip archives to import them'}</p>
    </div>
  );
}
