// Runs the workbook export on a worker thread with the engine worker's memory limits, as the app does.
import { parentPort, workerData } from 'node:worker_threads';
import { Engagement } from '../../electron/engine/engagement';
import { writeWorkbook } from '../../electron/engine/export/workbook';

const { path, out } = workerData as { path: string; out: string };

async function run(): Promise<void> {
  const e = Engagement.open(path);
  const t = performance.now();
  await writeWorkbook(e, { outPath: out, asOf: '2026-11-20', onProgress: () => undefined, signal: new AbortController().signal });
  e.close();
  parentPort?.postMessage({ seconds: (performance.now() - t) / 1000 });
}

void run();
