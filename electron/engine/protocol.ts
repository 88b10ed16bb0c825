import type { EventName } from '../../shared/contract/events';
import type { MethodName } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';

/** Envelope between the engine host and its worker; every request carries a sequence number. */
export type ToWorker = { type: 'request'; seq: number; method: MethodName; args: unknown } | { type: 'shutdown' };

export type FromWorker =
  | ({ type: 'response'; seq: number; durationMs: number } & Result<unknown>)
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'ready' }
  | { type: 'closed' };
