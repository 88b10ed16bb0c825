import type { SerializedError } from './events';

/** What crosses every boundary: errors are values, never thrown across processes. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      name: err.name,
      message: err.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(err.stack ? { stack: err.stack } : {}),
    };
  }
  return { name: 'Error', message: String(err) };
}

/** An error whose message is written for the consultant, with a stable code for programs. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
