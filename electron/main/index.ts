import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENGINE_EVENT_NAMES, MenuCommandSchema, type MenuCommand } from '../../shared/contract/events';
import { METHOD_NAMES, type MethodName, type ShellMethodName } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';
import { EngineHost } from '../engine/host';
import { engagementPathFromArgv, isEngagementPath } from './launch/argv';
import { CommandQueue, LISTENING_SIGNAL } from './menu/commandQueue';
import { aboutText, menuTemplate } from './menu/template';
import { dispatch } from './policy/dispatch';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, isPermissionGranted } from './policy/security';
import { isTrustedSender } from './policy/trustedSender';
import { mainWindowOptions } from './policy/window';
import { shellHandlers } from './shellMethods';
import { engagementOpenAfter, recentEntryFor } from './state/afterDispatch';
import { isFileSync, nodeStateFs } from './state/files';
import { RecentEngagements, type RecentEngagement } from './state/recent';
import { debounced, visibleBounds, WindowStateFile, windowSnapshot, type Rect, type WindowState } from './state/windowState';

/**
 * Electron main stays thin: a window, the guards, the menu, and IPC forwarded to the engine worker.
 * What can be decided without Electron lives in policy/, menu/, state/ and launch/, with unit tests.
 */
const WINDOW_DEFAULTS = { width: 1360, height: 880, minWidth: 960, minHeight: 600 };

// A second launch hands its arguments to the first (see 'second-instance') and starts nothing itself.
if (app.requestSingleInstanceLock()) start();
else app.quit();

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let hasEngagement = false;
  let lastWindowState: WindowState | null = null;
  // Set once 'ready' has created the first window; before that, showing one is its job alone.
  let windowsAllowed = false;
  const rendererFile = join(__dirname, '../renderer/index.html');
  const appUrl = pathToFileURL(rendererFile).toString();
  const userData = app.getPath('userData');

  const host = new EngineHost(join(__dirname, 'worker.js'), {
    samplePath: app.isPackaged ? join(process.resourcesPath, 'sample') : join(app.getAppPath(), 'resources', 'sample'),
    dataDir: join(userData, 'engagements'),
    appVersion: app.getVersion(),
  });
  const recent = new RecentEngagements({ fs: nodeStateFs, file: join(userData, 'recent-engagements.json'), caseInsensitivePaths: process.platform !== 'linux' });
  const windowState = new WindowStateFile(nodeStateFs, join(userData, 'window-state.json'));

  const commands = new CommandQueue<MenuCommand>((command) => {
    if (!mainWindow || mainWindow.isDestroyed()) return false;
    mainWindow.webContents.send('menu:command', command);
    return true;
  });
  const sendCommand = (command: MenuCommand): void => {
    const checked = MenuCommandSchema.safeParse(command);
    if (checked.success) commands.push(checked.data);
  };

  /** A menu click or a file from the OS: macOS may have no window open, so one is brought up for it. */
  const runCommand = (command: MenuCommand): void => {
    sendCommand(command);
    showWindow();
  };
  const openFromOs = (path: string): void => runCommand({ command: 'openRecent', path });

  const showAbout = (): void => {
    const options = { type: 'info' as const, buttons: ['OK'], noLink: true, ...aboutText(app.name, app.getVersion(), process.versions) };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  };
  const setMenu = (list: readonly RecentEngagement[]): void => {
    const template = menuTemplate({ appName: app.name, platform: process.platform, development: !app.isPackaged, hasEngagement, recent: list, command: runCommand, about: showAbout });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  const refreshMenu = (): Promise<void> => recent.list().then(setMenu, (err: unknown) => console.error('Could not rebuild the menu:', err));

  const saveWindowState = (): void => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    lastWindowState = windowSnapshot(mainWindow);
    void windowState.save(lastWindowState);
  };
  const saveWindowStateSoon = debounced(saveWindowState, 500);

  function workAreas(): Rect[] {
    // The primary display first: visibleBounds falls back to it.
    const primary = screen.getPrimaryDisplay();
    return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  }

  function createWindow(): void {
    const { maximized, ...bounds } = visibleBounds(lastWindowState, workAreas(), WINDOW_DEFAULTS);
    const win = new BrowserWindow(
      mainWindowOptions({ placement: bounds, minWidth: WINDOW_DEFAULTS.minWidth, minHeight: WINDOW_DEFAULTS.minHeight, preload: join(__dirname, '../preload/index.js') }),
    );
    mainWindow = win;
    const contents = win.webContents;
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e, url) => {
      if (!isAllowedNavigation(url, appUrl)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAllowedNavigation(url, appUrl)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.on('did-start-loading', () => commands.pageGone());
    win.on('resize', saveWindowStateSoon.schedule);
    win.on('move', saveWindowStateSoon.schedule);
    win.on('maximize', saveWindowStateSoon.schedule);
    win.on('unmaximize', saveWindowStateSoon.schedule);
    win.on('close', () => {
      saveWindowStateSoon.cancel();
      saveWindowState();
    });
    win.once('ready-to-show', () => {
      if (maximized) win.maximize();
      win.show();
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
      commands.pageGone();
    });
    void win.loadFile(rendererFile);
  }

  /** Brings the window forward, or opens one (macOS keeps running without windows). */
  function showWindow(): void {
    if (!mainWindow) {
      if (windowsAllowed) createWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }

  /** Main learns about engagements from the answers it forwards: the recent list and the menu follow them. */
  function afterAnswer(method: MethodName, result: Result<unknown>): void {
    const entry = recentEntryFor(method, result, new Date());
    const open = engagementOpenAfter(method, result);
    const changed = open != null && open !== hasEngagement;
    if (open != null) hasEngagement = open;
    if (entry) {
      app.addRecentDocument(entry.path);
      void recent.record(entry).then(refreshMenu, refreshMenu);
    } else if (changed) {
      void refreshMenu();
    }
    // After the answer has gone out, so the page has its engagement before the first command.
    if (method === LISTENING_SIGNAL) setImmediate(() => commands.pageListening());
  }

  function registerIpc(): void {
    const shell = shellHandlers(() => mainWindow, { recent: () => recent.list() });
    for (const method of METHOD_NAMES) {
      ipcMain.handle(method, async (event, request: unknown) => {
        const trusted = isTrustedSender({
          senderId: event.sender.id,
          trustedWindowIds: mainWindow ? [mainWindow.webContents.id] : [],
          frameUrl: event.senderFrame?.url ?? null,
          isMainFrame: event.senderFrame != null && event.senderFrame === event.sender.mainFrame,
          appUrl,
        });
        if (!trusted) return { ok: false, error: { name: 'SecurityError', message: 'IPC from an untrusted sender was refused.' } };
        const result = await dispatch(method, request, {
          engine: (m, req) => host.callUntyped(m, req),
          shell: (m, req) => (shell[m as ShellMethodName] as (r: unknown) => Promise<unknown>)(req),
        });
        afterAnswer(method, result);
        return result;
      });
    }
    for (const event of ENGINE_EVENT_NAMES) {
      host.on(event, (payload) => mainWindow?.webContents.send(event, payload));
    }
  }

  // Launched by opening a file: the command waits in the queue until the page listens.
  const launchedWith = engagementPathFromArgv(process.argv, { exists: isFileSync, cwd: process.cwd() });
  if (launchedWith) sendCommand({ command: 'openRecent', path: launchedWith });

  // macOS hands files over by event, also before 'ready' when the file launched the app.
  app.on('open-file', (e, path) => {
    e.preventDefault();
    if (isEngagementPath(path)) openFromOs(path);
  });

  app.on('second-instance', (_e, argv, workingDirectory) => {
    const path = engagementPathFromArgv(argv, { exists: isFileSync, cwd: workingDirectory });
    if (path) openFromOs(path);
    else showWindow();
  });

  void app.whenReady().then(async () => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
    ses.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
    // Air-gapped by design: anything but the app's own files is cancelled before it leaves.
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
    ses.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
    );
    // Set at once, so Electron's default menu (with its links to the web) never shows.
    setMenu([]);
    void refreshMenu();
    registerIpc();
    lastWindowState = await windowState.load();
    windowsAllowed = true;
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let quitting = false;
  app.on('before-quit', (e) => {
    if (quitting) return;
    e.preventDefault();
    quitting = true;
    saveWindowStateSoon.cancel();
    saveWindowState();
    void Promise.allSettled([host.close(), windowState.idle(), recent.idle()]).finally(() => app.quit());
  });
}
