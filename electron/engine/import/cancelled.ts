export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('The import was cancelled; the engagement is as it was before this file.');
  }
}
