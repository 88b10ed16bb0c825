import type { NhiAuditApi } from '../../shared/contract/api';

declare global {
  interface Window {
    /** Built by the preload (Electron) or the end-to-end transport; absent in a plain browser. */
    readonly nhiAudit?: NhiAuditApi;
  }
}

export {};
