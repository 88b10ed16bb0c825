import cliProgress from 'cli-progress';
import type { EngineHost } from '../engine/host';

/** A progress bar on stderr for the host's jobs; silent when stderr is not a terminal (CI, pipes). */
export function attachProgress(host: EngineHost): () => void {
  if (!process.stderr.isTTY) return () => undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {phase} |{bar}| {percentage}% | {file} {rows} rows {rate}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const off = host.on('job:progress', (p) => {
    const payload = {
      phase: p.phase.padEnd(26),
      file: p.file ?? '',
      rows: p.rows.toLocaleString('en-US'),
      rate: p.rowsPerSecond > 0 ? `(${p.rowsPerSecond.toLocaleString('en-US')}/s)` : '',
    };
    if (!started) {
      bar.start(100, 0, payload);
      started = true;
    }
    bar.update(Math.round(p.fraction * 100), payload);
  });
  const stop = (): void => {
    if (started) bar.stop();
    started = false;
  };
  const offDone = host.on('job:done', stop);
  const offFailed = host.on('job:failed', stop);
  return () => {
    stop();
    off();
    offDone();
    offFailed();
  };
}
