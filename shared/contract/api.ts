import type { EventName, EventPayload } from './events';
import { EVENT_NAMES } from './events';
import type { MethodName, RequestOf, ResponseOf } from './methods';
import { METHOD_NAMES } from './methods';
import type { Result } from './result';

/**
 * The API object the renderer sees (`window.nhiAudit`). Method keys are the contract names with the
 * colon replaced by an underscore so they are valid identifiers (`engagement:open` -> `engagement_open`).
 */
export type ApiKey<M extends MethodName> = M extends `${infer D}:${infer V}` ? `${D}_${V}` : never;

export type NhiAuditApi = {
  [M in MethodName as ApiKey<M>]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function apiKey<M extends MethodName>(method: M): ApiKey<M> {
  return method.replace(':', '_') as ApiKey<M>;
}

export type Invoke = (method: MethodName, request: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the API object from the contract list over any transport. The preload uses it with
 * ipcRenderer; the end-to-end tests use it with a binding into an engine host in the test process.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): NhiAuditApi {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[apiKey(method)] = (request: unknown) => invoke(method, request ?? {});
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event ${String(event)}`);
    return subscribe(event, listener);
  };
  return api as NhiAuditApi;
}
