import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, MenuCommandSchema, type MenuCommand } from '../../../shared/contract/events';
import { CommandQueue } from '../../../electron/main/menu/commandQueue';
import { aboutText, menuLabel, menuTemplate, type MenuContext, type MenuItemTemplate } from '../../../electron/main/menu/template';
import { ROOT } from '../../support/paths';

function context(over: Partial<MenuContext> = {}): MenuContext & { sent: MenuCommand[]; abouts: number } {
  const sent: MenuCommand[] = [];
  const ctx = {
    appName: 'nhi-audit',
    platform: 'win32',
    development: false,
    hasEngagement: true,
    recent: [
      { path: '/audits/fabrikam.nhiaudit', name: 'Fabrikam & Co' },
      { path: '/audits/contoso.nhiaudit', name: '' },
    ],
    sent,
    abouts: 0,
    command: (c: MenuCommand) => sent.push(c),
    about: () => {
      ctx.abouts += 1;
    },
    ...over,
  };
  return ctx;
}

function flatten(items: readonly MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}

const top = (items: MenuItemTemplate[]): string[] => items.map((i) => i.label ?? i.role ?? '');
const byId = (items: MenuItemTemplate[], id: string): MenuItemTemplate => {
  const found = flatten(items).find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
};

describe('application menu', () => {
  it('has File, Edit, View and Help off macOS, and puts the app menu first on macOS', () => {
    expect(top(menuTemplate(context()))).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(top(menuTemplate(context({ platform: 'linux' })))).toEqual(['&File', '&Edit', '&View', '&Help']);
    const mac = menuTemplate(context({ platform: 'darwin' }));
    expect(top(mac)).toEqual(['nhi-audit', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
    expect(flatten(mac[0]?.submenu ?? []).map((i) => i.role ?? i.id)).toEqual(expect.arrayContaining(['about', 'services', 'hide', 'quit']));
  });

  it('sends every renderer command from File, with its accelerator', () => {
    const ctx = context();
    const items = menuTemplate(ctx);
    const expected: [MenuCommand['command'], string | undefined][] = [
      ['newEngagement', 'CmdOrCtrl+N'],
      ['openEngagement', 'CmdOrCtrl+O'],
      ['openSample', undefined],
      ['importFiles', 'CmdOrCtrl+I'],
      ['importFolder', 'CmdOrCtrl+Shift+I'],
      ['export', 'CmdOrCtrl+E'],
      ['closeEngagement', 'CmdOrCtrl+W'],
    ];
    for (const [command, accelerator] of expected) {
      const item = byId(items, command);
      expect(item.accelerator).toBe(accelerator);
      item.click?.();
      expect(ctx.sent.at(-1)).toEqual({ command });
    }
    // Every contract command is reachable from the menu (openRecent through the recent list).
    expect(new Set([...ctx.sent.map((c) => c.command), 'openRecent'])).toEqual(new Set(MENU_COMMANDS));
    for (const c of ctx.sent) expect(MenuCommandSchema.safeParse(c).success).toBe(true);
  });

  it('accelerators are unique', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const accelerators = flatten(menuTemplate(context({ platform, development: true })))
        .map((i) => i.accelerator)
        .filter((a): a is string => a !== undefined);
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });

  it('lists recent engagements under Open recent, opening each by path, with & shown literally', () => {
    const ctx = context();
    const recent = byId(menuTemplate(ctx), 'openRecent').submenu ?? [];
    expect(recent.map((i) => i.label)).toEqual(['Fabrikam && Co', '/audits/contoso.nhiaudit']);
    recent[1]?.click?.();
    expect(ctx.sent).toEqual([{ command: 'openRecent', path: '/audits/contoso.nhiaudit' }]);
    const none = byId(menuTemplate(context({ recent: [] })), 'openRecent').submenu ?? [];
    expect(none).toEqual([expect.objectContaining({ label: 'No recent engagements', enabled: false })]);
  });

  it('enables Import, Export and Close only with an engagement open', () => {
    for (const hasEngagement of [true, false]) {
      const items = menuTemplate(context({ hasEngagement }));
      for (const id of ['importFiles', 'importFolder', 'export', 'closeEngagement']) expect(byId(items, id).enabled, id).toBe(hasEngagement);
      for (const id of ['newEngagement', 'openEngagement', 'openSample']) expect(byId(items, id).enabled, id).toBeUndefined();
    }
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (development: boolean) => flatten(menuTemplate(context({ development }))).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    for (const development of [true, false]) expect(roles(development)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('has the standard Edit roles and Quit in File (macOS: in the app menu)', () => {
    const edit = (platform: string) => (menuTemplate(context({ platform })).find((i) => i.label === '&Edit')?.submenu ?? []).map((i) => i.role).filter(Boolean);
    expect(edit('win32')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(edit('darwin')).toContain('pasteAndMatchStyle');
    const fileRoles = (platform: string) => flatten([menuTemplate(context({ platform })).find((i) => i.label === '&File') ?? {}]).map((i) => i.role);
    expect(fileRoles('win32')).toContain('quit');
    expect(fileRoles('darwin')).not.toContain('quit');
  });

  it('shows About from Help, and nothing in the menu leads to the web', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const ctx = context({ platform, development: true });
      const items = menuTemplate(ctx);
      byId(items, 'help-about').click?.();
      expect(ctx.abouts).toBe(1);
      expect(byId(items, 'help-about').label).toBe('About nhi-audit');
      // Every click is accounted for: it sends a command or shows About, nothing else (no shell.openExternal).
      ctx.abouts = 0;
      for (const item of flatten(items)) item.click?.();
      expect(ctx.sent.length + ctx.abouts).toBe(flatten(items).filter((i) => i.click).length);
      const text = JSON.stringify(items);
      expect(text).not.toMatch(/https?:|www\.|mailto:/u);
    }
    const source = readFileSync(join(ROOT, 'electron', 'main', 'menu', 'template.ts'), 'utf8');
    expect(source).not.toMatch(/openExternal|from 'electron'/u);
  });

  it('About names the version and the runtime, with no link', () => {
    const about = aboutText('nhi-audit', '1.2.3', { electron: '45.5.0', chrome: '140.0', node: '22.20.0' });
    expect(about.title).toBe('About nhi-audit');
    expect(about.message).toBe('nhi-audit 1.2.3');
    expect(about.detail).toContain('Electron 45.5.0 · Chromium 140.0 · Node.js 22.20.0');
    expect(JSON.stringify(about)).not.toMatch(/https?:|www\./u);
    expect(aboutText('nhi-audit', '1.2.3', {}).detail).not.toMatch(/·|\n$/u);
  });

  it('escapes & in labels taken from engagements', () => {
    expect(menuLabel('R&D && Ops')).toBe('R&&D &&&& Ops');
  });
});

describe('menu command contract', () => {
  it('validates the payload', () => {
    expect(MenuCommandSchema.safeParse({ command: 'export' }).success).toBe(true);
    expect(MenuCommandSchema.safeParse({ command: 'openRecent', path: '/a.nhiaudit' }).success).toBe(true);
    expect(MenuCommandSchema.safeParse({ command: 'openRecent' }).success).toBe(false);
    expect(MenuCommandSchema.safeParse({ command: 'openRecent', path: '' }).success).toBe(false);
    expect(MenuCommandSchema.safeParse({ command: 'runScript' }).success).toBe(false);
  });
});

describe('command queue', () => {
  it('holds commands until the page listens, then delivers them in order', () => {
    const deliver = vi.fn(() => true);
    const q = new CommandQueue<string>(deliver);
    q.push('a');
    q.push('b');
    expect(deliver).not.toHaveBeenCalled();
    q.pageListening();
    expect(deliver.mock.calls).toEqual([['a'], ['b']]);
    q.push('c');
    expect(deliver).toHaveBeenLastCalledWith('c');
    expect(q.size).toBe(0);
  });

  it('holds again while the page reloads, and keeps what could not be delivered', () => {
    let window = true;
    const delivered: string[] = [];
    const q = new CommandQueue<string>((item) => {
      if (!window) return false;
      delivered.push(item);
      return true;
    });
    q.pageListening();
    q.pageGone();
    q.push('during reload');
    expect(delivered).toEqual([]);
    window = false;
    q.pageListening();
    expect(q.size).toBe(1);
    q.push('later');
    window = true;
    q.pageListening();
    expect(delivered).toEqual(['during reload', 'later']);
  });

  it('keeps only the latest commands', () => {
    const q = new CommandQueue<number>(() => true);
    for (let i = 0; i < 25; i += 1) q.push(i);
    expect(q.size).toBe(10);
  });
});
