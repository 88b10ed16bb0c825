import type { NhiAuditApi } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/result';

/** An error from the engine or the shell, carrying the message written for the user. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** The API object the preload (or the test transport) installed; throws when the page runs without one. */
export function api(): NhiAuditApi {
  const a = window.nhiAudit;
  if (!a) throw new ApiError('The application bridge is not available. Start nhi-audit from its desktop shell.', 'NO_BRIDGE');
  return a;
}

export function hasApi(): boolean {
  return window.nhiAudit !== undefined;
}

/** Unwraps a Result: the value, or an ApiError with the engine's message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const r = await pending;
  if (r.ok) return r.value;
  throw new ApiError(r.error.message, r.error.code);
}

/** The message to show for anything caught. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
