import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_NAMES } from '../../shared/contract/events';
import { METHOD_NAMES, type ShellMethodName } from '../../shared/contract/methods';
import { EngineHost } from '../engine/host';
import { dispatch } from './policy/dispatch';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, isPermissionGranted, WEB_PREFERENCES } from './policy/security';
import { isTrustedSender } from './policy/trustedSender';
import { shellHandlers } from './shellMethods';

/** Electron main stays thin: a window, the guards, and IPC forwarded to the engine worker. */
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
const rendererFile = join(__dirname, '../renderer/index.html');
const appUrl = pathToFileURL(rendererFile).toString();

const host = new EngineHost(join(__dirname, 'worker.js'), {
  samplePath: app.isPackaged ? join(process.resourcesPath, 'sample') : join(app.getAppPath(), 'resources', 'sample'),
  dataDir: join(app.getPath('userData'), 'engagements'),
  appVersion: app.getVersion(),
});

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'nhi-audit',
    webPreferences: { ...WEB_PREFERENCES, preload: join(__dirname, '../preload/index.js') },
  });
  const contents = mainWindow.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url, appUrl)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAllowedNavigation(url, appUrl)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadFile(rendererFile);
}

function registerIpc(): void {
  const shell = shellHandlers(() => mainWindow);
  for (const method of METHOD_NAMES) {
    ipcMain.handle(method, (event, request: unknown) => {
      const trusted = isTrustedSender({
        senderId: event.sender.id,
        trustedWindowIds: mainWindow ? [mainWindow.webContents.id] : [],
        frameUrl: event.senderFrame?.url ?? null,
        isMainFrame: event.senderFrame != null && event.senderFrame === event.sender.mainFrame,
        appUrl,
      });
      if (!trusted) return { ok: false, error: { name: 'SecurityError', message: 'IPC from an untrusted sender was refused.' } };
      return dispatch(method, request, {
        engine: (m, req) => host.callUntyped(m, req),
        shell: (m, req) => (shell[m as ShellMethodName] as (r: unknown) => Promise<unknown>)(req),
      });
    });
  }
  for (const event of EVENT_NAMES) {
    host.on(event, (payload) => mainWindow?.webContents.send(event, payload));
  }
}

void app.whenReady().then(() => {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
  // Air-gapped by design: anything but the app's own files is cancelled before it leaves.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  registerIpc();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (e) => {
  if (quitting) return;
  e.preventDefault();
  quitting = true;
  void host.close().finally(() => app.quit());
});
