import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../../shared/contract/api';

/**
 * The renderer's only door: one typed API object built from the contract list. No raw
 * ipcRenderer, no generic invoke(channel), no Node objects cross the bridge.
 */
const api = buildApi(
  (method, request) => ipcRenderer.invoke(method, request),
  (event, listener) => {
    const handler = (_e: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
);

contextBridge.exposeInMainWorld('nhiAudit', api);

// A dropped file's path: the sandboxed page cannot read it from the File object (Electron removed
// File.path); this asks Electron for exactly that one file's path and nothing else.
contextBridge.exposeInMainWorld('nhiAuditFiles', { pathFor: (file: File): string => webUtils.getPathForFile(file) });
