import type { NhiAuditApi } from '../../shared/contract/api';

declare global {
  interface Window {
    /** Built by the preload (Electron) or the end-to-end transport; absent in a plain browser. */
    readonly nhiAudit?: NhiAuditApi;
    /** The path of a file dropped on the window (Electron's webUtils, through the preload). */
    readonly nhiAuditFiles?: { pathFor(file: File): string };
  }
}

export {};
