import type { MethodName } from '../../../shared/contract/methods';

/**
 * The renderer subscribes to events and then asks for the open engagement (appStore.connect), so
 * this call is main's sign that the page is listening. No extra contract method is needed for it.
 */
export const LISTENING_SIGNAL: MethodName = 'engagement:current';

/** Only the latest few matter: a burst of files from the OS ends with the one the user chose last. */
const MAX_PENDING = 10;

/**
 * Menu commands and files the OS asks to open can come before the page listens (a file given at
 * launch, a reload, macOS reopening a window). They wait here, in order, until it does.
 */
export class CommandQueue<T> {
  private pending: T[] = [];
  private listening = false;

  /** `deliver` answers false when there is no page to deliver to. */
  constructor(private readonly deliver: (item: T) => boolean) {}

  push(item: T): void {
    if (this.listening && this.deliver(item)) return;
    this.pending = [...this.pending, item].slice(-MAX_PENDING);
  }

  /** The page is (re)loading or gone: nothing reaches it until it listens again. */
  pageGone(): void {
    this.listening = false;
  }

  pageListening(): void {
    this.listening = true;
    const items = this.pending;
    this.pending = [];
    for (const [i, item] of items.entries()) {
      if (!this.deliver(item)) {
        this.listening = false;
        this.pending = items.slice(i);
        return;
      }
    }
  }

  get size(): number {
    return this.pending.length;
  }
}
