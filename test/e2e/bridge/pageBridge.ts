/**
 * Runs inside the page (bundled to an IIFE and added as an init script). It plays the preload's part:
 * `window.nhiAudit` is built by the same `buildApi` the preload uses, over a different transport:
 * calls go to the `__nhiInvoke` binding (an engine host in the test process), events come back
 * through `__nhiDeliver`, which the test process calls once per host event.
 */
import { buildApi, type Invoke, type Subscribe } from '../../../shared/contract/api';
import type { EventName } from '../../../shared/contract/events';
import type { Result } from '../../../shared/contract/result';

type InvokeBinding = (method: string, request: unknown) => Promise<Result<unknown>>;

declare global {
  interface Window {
    __nhiInvoke?: InvokeBinding;
    __nhiDeliver?: (event: EventName, payload: unknown) => void;
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

const invoke: Invoke = async (method, request) => {
  const binding = window.__nhiInvoke;
  if (!binding) return { ok: false, error: { name: 'TransportError', message: 'The test transport is not installed.' } };
  return binding(method, request);
};

const subscribe: Subscribe = (event, listener) => {
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
};

Object.defineProperty(window, '__nhiDeliver', {
  value: (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  },
});

// contextBridge exposes a frozen copy; do the same so the renderer cannot rely on mutating it.
Object.defineProperty(window, 'nhiAudit', { value: Object.freeze(buildApi(invoke, subscribe)), enumerable: true });

// Dropped files: Electron's preload answers with the file's path; here the test says which path a
// dropped file name stands for (window.__nhiDropPaths), as a real drop would.
Object.defineProperty(window, 'nhiAuditFiles', {
  value: Object.freeze({ pathFor: (file: File) => (window as Window & { __nhiDropPaths?: Record<string, string> }).__nhiDropPaths?.[file.name] ?? '' }),
  enumerable: true,
});
