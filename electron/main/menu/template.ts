import type { MenuCommand } from '../../../shared/contract/events';

/**
 * The application menu as plain data (no 'electron' import), so its content is unit-tested without
 * the Electron binary. The shapes are a structural subset of Electron's MenuItemConstructorOptions;
 * index.ts hands the result to Menu.buildFromTemplate, and tsc checks that they still fit.
 */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'windowMenu'
  | 'help';

export interface MenuItemTemplate {
  id?: string;
  label?: string;
  sublabel?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface MenuContext {
  appName: string;
  /** process.platform: macOS puts the app menu first and Quit in it. */
  platform: string;
  /** Reload and developer tools exist only in a development build. */
  development: boolean;
  /** Import, Export and Close apply to an open engagement only. */
  hasEngagement: boolean;
  recent: readonly { path: string; name: string }[];
  /** Carried out by the renderer with its own actions (sent as the `menu:command` event). */
  command(command: MenuCommand): void;
  about(): void;
}

/** Electron reads `&` as a mnemonic marker on every platform; a name from an engagement must show it literally. */
export function menuLabel(text: string): string {
  return text.replaceAll('&', '&&');
}

const separator: MenuItemTemplate = { type: 'separator' };

function fileMenu(ctx: MenuContext, mac: boolean): MenuItemTemplate {
  const send = (command: MenuCommand['command']) => () => ctx.command({ command });
  const recent: MenuItemTemplate[] =
    ctx.recent.length === 0
      ? [{ id: 'recent-none', label: 'No recent engagements', enabled: false }]
      : ctx.recent.map((r, i) => ({
          id: `recent-${i}`,
          label: menuLabel(r.name || r.path),
          sublabel: r.path,
          click: () => ctx.command({ command: 'openRecent', path: r.path }),
        }));
  const open = ctx.hasEngagement;
  return {
    label: '&File',
    submenu: [
      { id: 'newEngagement', label: 'New engagement…', accelerator: 'CmdOrCtrl+N', click: send('newEngagement') },
      { id: 'openEngagement', label: 'Open engagement…', accelerator: 'CmdOrCtrl+O', click: send('openEngagement') },
      { id: 'openRecent', label: 'Open recent', submenu: recent },
      { id: 'openSample', label: 'Open the bundled sample', click: send('openSample') },
      separator,
      { id: 'importFiles', label: 'Import files…', accelerator: 'CmdOrCtrl+I', enabled: open, click: send('importFiles') },
      { id: 'importFolder', label: 'Import folder…', accelerator: 'CmdOrCtrl+Shift+I', enabled: open, click: send('importFolder') },
      { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E', enabled: open, click: send('export') },
      separator,
      { id: 'closeEngagement', label: 'Close engagement', accelerator: 'CmdOrCtrl+W', enabled: open, click: send('closeEngagement') },
      // macOS keeps Quit in the app menu.
      ...(mac ? [] : [separator, { role: 'quit' as const, label: 'Quit', accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };
}

function editMenu(mac: boolean): MenuItemTemplate {
  return {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
}

function viewMenu(ctx: MenuContext): MenuItemTemplate {
  const development: MenuItemTemplate[] = ctx.development
    ? [
        { role: 'reload' },
        { role: 'forceReload' },
        // F12, because Ctrl+Shift+I (the role's default off macOS) is Import folder.
        { role: 'toggleDevTools', accelerator: 'F12' },
        separator,
      ]
    : [];
  return {
    label: '&View',
    submenu: [...development, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  };
}

/** The whole menu bar. No item opens a URL: the app is offline and never sends the user to the web. */
export function menuTemplate(ctx: MenuContext): MenuItemTemplate[] {
  const mac = ctx.platform === 'darwin';
  const about: MenuItemTemplate = { id: 'about', label: `About ${ctx.appName}`, click: () => ctx.about() };
  const appMenu: MenuItemTemplate = {
    label: ctx.appName,
    submenu: [about, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };
  return [
    ...(mac ? [appMenu] : []),
    fileMenu(ctx, mac),
    editMenu(mac),
    viewMenu(ctx),
    ...(mac ? [{ role: 'windowMenu' as const }] : []),
    // The help role only means something to macOS (it adds the menu search field there).
    { label: '&Help', ...(mac ? { role: 'help' as const } : {}), submenu: [{ ...about, id: 'help-about' }] },
  ];
}

/** The About box: name, version and the runtime it was built on; nothing to click through to. */
export function aboutText(appName: string, version: string, runtime: { electron?: string; chrome?: string; node?: string }): { title: string; message: string; detail: string } {
  const parts = [runtime.electron && `Electron ${runtime.electron}`, runtime.chrome && `Chromium ${runtime.chrome}`, runtime.node && `Node.js ${runtime.node}`].filter(Boolean);
  return {
    title: `About ${appName}`,
    message: `${appName} ${version}`,
    detail: ['Offline Entra ID and Azure non-human identity auditor.', 'Works without a network connection: nothing you import leaves this computer.', parts.join(' · ')]
      .filter((l) => l !== '')
      .join('\n'),
  };
}
