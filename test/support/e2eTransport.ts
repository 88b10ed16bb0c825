import type { Page } from '@playwright/test';
import { EVENT_NAMES, EVENTS, type EventName, type EventPayload } from '../../shared/contract/events';
import { METHODS, type ParsedRequestOf, type ResponseOf, type ShellMethodName } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';
import { dispatch } from '../../electron/main/policy/dispatch';
import type { EngineHost } from '../../electron/engine/host';

/** What the desktop shell answers in Electron main (native dialogs); each test decides the answers. */
export type ShellHandlers = {
  [M in ShellMethodName]: (request: ParsedRequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>;
};

export interface TransportCall {
  method: string;
  request: unknown;
  ok: boolean;
}

export interface Transport {
  /** Shell answers; replace entries to script a dialog (`transport.shell['dialog:openFiles'] = () => [...]`). */
  shell: ShellHandlers;
  /** Every call the page made, in order. */
  readonly calls: TransportCall[];
  /** Every event the host pushed, in order. */
  readonly events: { event: EventName; payload: unknown }[];
  /** Queues events of these kinds instead of delivering them, like a slow IPC would; `release()` delivers them. */
  hold(...events: EventName[]): void;
  release(): Promise<void>;
  /** Stops forwarding host events (the page is going away). */
  dispose(): void;
  /** Pushes an event as Electron main would (a menu command, a file the OS asked to open). */
  send<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void>;
}

export const DEFAULT_SHELL: ShellHandlers = {
  'dialog:openFiles': () => [],
  'dialog:openEngagement': () => null,
  'dialog:saveEngagement': () => null,
  'dialog:saveWorkbook': () => null,
  'dialog:saveReport': () => null,
  'dialog:openWorkbook': () => null,
  'shell:showInFolder': () => ({ shown: false }),
  'engagements:recent': () => [],
};


/**
 * Gives a plain Chromium page the API object the Electron preload gives the renderer, backed by a
 * real engine host in the test process. Only Electron's IPC is replaced:
 *  - page -> test: the `__nhiInvoke` binding; requests are validated against the contract as main
 *    does, engine methods go to `host.callUntyped`, shell methods to `transport.shell`;
 *  - test -> page: each host event is delivered in order by calling `window.__nhiDeliver`;
 *  - the page side (`bridgeScript`, built from test/e2e/bridge/pageBridge.ts) builds `window.nhiAudit`
 *    with the contract's own `buildApi`, as the preload does.
 * Call before the first `page.goto`.
 */
export async function installTransport(page: Page, host: EngineHost, bridgeScript: string): Promise<Transport> {
  const calls: TransportCall[] = [];
  const events: Transport['events'] = [];
  const held = new Set<EventName>();
  let queue: { event: EventName; payload: unknown }[] = [];
  let delivery: Promise<void> = Promise.resolve();
  let disposed = false;

  const transport: Transport = {
    shell: { ...DEFAULT_SHELL },
    calls,
    events,
    hold: (...names) => {
      for (const n of names) held.add(n);
    },
    release: async () => {
      held.clear();
      const pending = queue;
      queue = [];
      for (const e of pending) deliver(e.event, e.payload);
      await delivery;
    },
    dispose: () => {
      disposed = true;
      for (const off of offs) off();
    },
    send: async (event, payload) => {
      events.push({ event, payload });
      deliver(event, EVENTS[event].parse(payload));
      await delivery;
    },
  };

  const deliver = (event: EventName, payload: unknown): void => {
    // Chained so the page sees events in the order the engine emitted them.
    delivery = delivery
      .then(() =>
        page.evaluate(
          ([e, p]) => (globalThis as unknown as { __nhiDeliver?: (e: string, p: unknown) => void }).__nhiDeliver?.(e, p),
          [event, payload] as const,
        ),
      )
      .catch(() => undefined); // the page navigated or closed; Electron drops such events too
  };

  const offs = EVENT_NAMES.map((event) =>
    host.on(event, (payload) => {
      if (disposed) return;
      events.push({ event, payload });
      if (held.has(event) || queue.length > 0) queue.push({ event, payload });
      else deliver(event, payload);
    }),
  );

  // The same validation and routing Electron main runs for every IPC request (electron/main/policy/dispatch.ts).
  const call = (method: unknown, request: unknown): Promise<Result<unknown>> =>
    dispatch(String(method), request, {
      engine: (m, req) => host.callUntyped(m, req),
      shell: async (m, req) => {
        const value: unknown = await (transport.shell[m as ShellMethodName] as (r: unknown) => unknown)(req);
        const checked = METHODS[m].response.safeParse(value);
        if (!checked.success) throw new Error(`The test's answer to ${m} breaks the contract: ${checked.error.message}`);
        return checked.data;
      },
    });

  await page.exposeBinding('__nhiInvoke', async (_source, method: unknown, request: unknown) => {
    const result = await call(method, request);
    calls.push({ method: String(method), request, ok: result.ok });
    return result;
  });
  await page.addInitScript({ content: bridgeScript });
  return transport;
}
