import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ENGINE_METHOD_NAMES, METHODS, type EngineMethodName } from '../../shared/contract/methods';
import { serializeError } from '../../shared/contract/result';
import { Engine, type EngineOptions } from './engine';
import type { FromWorker, ToWorker } from './protocol';

/** The engine's thread: SQL and parsing never run on the UI thread or Electron's main loop. */
const port = parentPort;
if (!port) throw new Error('worker.ts must run inside a worker thread');

const send = (m: FromWorker): void => port.postMessage(m);
// Every build (CLI, Electron main, tests) emits the parser thread next to this worker.
const parser = join(__dirname, 'signInParser.js');
const options: EngineOptions = { ...(workerData as EngineOptions), ...(existsSync(parser) ? { signInParserPath: parser } : {}) };
const engine = new Engine(options, (event, payload) => send({ type: 'event', event, payload }));
const engineMethods = new Set<string>(ENGINE_METHOD_NAMES);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'shutdown') {
    void engine.shutdown().finally(() => {
      send({ type: 'closed' });
      port.close();
    });
    return;
  }
  const started = performance.now();
  void (async () => {
    try {
      if (!engineMethods.has(msg.method)) throw new Error(`${msg.method} is not an engine method`);
      const method = msg.method as EngineMethodName;
      const args = METHODS[method].request.parse(msg.args ?? {});
      const handler = engine.handlers[method] as (req: unknown) => unknown;
      const value = await handler(args);
      send({ type: 'response', seq: msg.seq, ok: true, value, durationMs: performance.now() - started });
    } catch (err) {
      send({ type: 'response', seq: msg.seq, ok: false, error: serializeError(err), durationMs: performance.now() - started });
    }
  })();
});
send({ type: 'ready' });
