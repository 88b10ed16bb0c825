import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/policy/dispatch';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, isPermissionGranted, WEB_PREFERENCES } from '../../electron/main/policy/security';
import { isTrustedSender } from '../../electron/main/policy/trustedSender';
import { mainWindowOptions } from '../../electron/main/policy/window';
import { ROOT } from '../support/paths';

const APP = 'file:///opt/nhi-audit/resources/app.asar/out/renderer/index.html';

describe('window guards', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });

  it('has a CSP with no remote source, no inline script and no network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/u);
  });

  it('ships the same CSP in the renderer page', () => {
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('blocks navigation away from the app page and every remote request', () => {
    expect(isAllowedNavigation(APP, APP)).toBe(true);
    expect(isAllowedNavigation(`${APP}#identities`, APP)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', APP)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(isAllowedNavigation('not a url', APP)).toBe(false);
    expect(isAllowedRequest('https://graph.microsoft.com/v1.0/users')).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/')).toBe(false);
    expect(isAllowedRequest('file:///opt/nhi-audit/out/renderer/assets/index.js')).toBe(true);
  });

  it('switches off every renderer capability the app does not use', () => {
    expect(WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    });
  });

  it('builds the main window with those preferences and only the preload added', () => {
    const options = mainWindowOptions({ placement: { x: 10, y: 20, width: 1200, height: 800 }, minWidth: 960, minHeight: 600, preload: '/app/out/preload/index.js' });
    expect(options.webPreferences).toEqual({ ...WEB_PREFERENCES, preload: '/app/out/preload/index.js' });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, minWidth: 960, minHeight: 600, show: false, title: 'nhi-audit' });
    // A placement without a position lets Electron centre the window; it never carries preferences.
    const centred = mainWindowOptions({ placement: { width: 1200, height: 800 }, minWidth: 960, minHeight: 600, preload: '/p.js' });
    expect(Object.keys(centred)).not.toContain('x');
    expect(centred.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('restricts every CSP directive to the app itself or nothing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/u);
      return [name, values] as const;
    }));
    expect([...directives.keys()]).toEqual(expect.arrayContaining(['default-src', 'script-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'base-uri', 'form-action', 'object-src']));
    for (const name of ['default-src', 'connect-src', 'base-uri', 'form-action', 'object-src']) expect(directives.get(name), name).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src', 'font-src']) expect(directives.get(name), name).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('lets through only the app files, devtools and inline data', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://login.microsoftonline.com/', 'ws://127.0.0.1:9229/', 'ftp://example.org/', 'blob:https://evil.example/1', 'chrome-extension://abc/x.js', ' file:///x']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('refuses navigation to another page of the app folder or a file share', () => {
    expect(isAllowedNavigation('file:///opt/nhi-audit/resources/app.asar/out/renderer/other.html', APP)).toBe(false);
    expect(isAllowedNavigation('file://evil-server/share/out/renderer/index.html', APP)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', APP)).toBe(false);
  });

  it('denies every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(isPermissionGranted(p)).toBe(false);
  });
});

describe('IPC sender check', () => {
  const facts = { senderId: 7, trustedWindowIds: [7], frameUrl: APP, isMainFrame: true, appUrl: APP };
  it('trusts only our window, main frame, showing our page', () => {
    expect(isTrustedSender(facts)).toBe(true);
    expect(isTrustedSender({ ...facts, senderId: 8 })).toBe(false);
    expect(isTrustedSender({ ...facts, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...facts, frameUrl: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...facts, frameUrl: null })).toBe(false);
  });
  it('accepts the page at another hash, refuses other pages, bad URLs and a closed window', () => {
    expect(isTrustedSender({ ...facts, frameUrl: `${APP}#sources` })).toBe(true);
    expect(isTrustedSender({ ...facts, frameUrl: 'file:///tmp/dropped.html' })).toBe(false);
    expect(isTrustedSender({ ...facts, frameUrl: 'not a url' })).toBe(false);
    expect(isTrustedSender({ ...facts, trustedWindowIds: [] })).toBe(false);
  });
});

describe('IPC dispatch', () => {
  const route = {
    engine: async (m: string, req: unknown) => ({ ok: true as const, value: { m, req } }),
    shell: async () => {
      throw new Error('dialog failed');
    },
  };
  it('validates every request against the contract before it reaches the engine', async () => {
    expect(await dispatch('engagement:open', { path: '' }, route)).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(await dispatch('identities:list', { limit: 1e9 }, route)).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(await dispatch('fs:readFile', { path: '/etc/passwd' }, route)).toMatchObject({ ok: false, error: { name: 'ContractError' } });
    expect(await dispatch('__proto__', {}, route)).toMatchObject({ ok: false, error: { name: 'ContractError' } });
    expect(await dispatch('identities:list', { limit: 10 }, route)).toMatchObject({ ok: true, value: { m: 'identities:list', req: { limit: 10, offset: 0 } } });
  });
  it('routes the shell methods to the shell, and events are no methods', async () => {
    const shell = { ...route, shell: async (m: string) => [{ path: '/a.nhiaudit', name: m, openedAt: '2026-11-20T00:00:00Z' }] };
    expect(await dispatch('engagements:recent', {}, shell)).toEqual({ ok: true, value: [{ path: '/a.nhiaudit', name: 'engagements:recent', openedAt: '2026-11-20T00:00:00Z' }] });
    expect(await dispatch('menu:command', { command: 'export' }, shell)).toMatchObject({ ok: false, error: { name: 'ContractError' } });
  });
  it('turns a thrown error into a Result, never an exception across the boundary', async () => {
    expect(await dispatch('dialog:openFiles', {}, route)).toMatchObject({ ok: false, error: { message: 'dialog failed' } });
  });
});

describe('only electron/main and electron/preload import electron', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts)$/u.test(e)) files.push(p);
    }
  };
  for (const d of ['shared', 'renderer', 'electron']) walk(join(ROOT, d));
  it('holds for every source file', () => {
    const offenders = files.filter((f) => {
      const rel = relative(ROOT, f);
      // Main's pure folders (policy, menu, state, launch) stay testable without the Electron binary.
      if (rel.startsWith('electron/main/') && !/^electron\/main\/(policy|menu|state|launch)\//u.test(rel)) return false;
      if (rel.startsWith('electron/preload/')) return false;
      return /from\s+['"]electron['"]|require\(['"]electron['"]\)/u.test(readFileSync(f, 'utf8'));
    });
    expect(offenders).toEqual([]);
  });
});

/**
 * electron/main/index.ts cannot run here (no Electron binary), so its wiring of the guards is read
 * from the source: each guard must stay applied, and nothing may send the user to the web.
 */
describe('Electron main wiring', () => {
  const main = readFileSync(join(ROOT, 'electron', 'main', 'index.ts'), 'utf8');
  const mainSources = (): string[] => {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (e.endsWith('.ts')) out.push(readFileSync(p, 'utf8'));
      }
    };
    walk(join(ROOT, 'electron', 'main'));
    return out;
  };

  it('applies every guard', () => {
    expect(main).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toMatch(/on\('will-navigate', \(e, url\) => \{\s*if \(!isAllowedNavigation\(url, appUrl\)\) e\.preventDefault\(\);/u);
    expect(main).toMatch(/on\('will-redirect', \(e, url\) => \{\s*if \(!isAllowedNavigation\(url, appUrl\)\) e\.preventDefault\(\);/u);
    expect(main).toContain("on('will-attach-webview', (e) => e.preventDefault())");
    expect(main).toContain('setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)))');
    expect(main).toContain('setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission))');
    expect(main).toContain('callback({ cancel: !isAllowedRequest(details.url) })');
    expect(main).toContain("'Content-Security-Policy': [CONTENT_SECURITY_POLICY]");
    expect(main).toContain('requestSingleInstanceLock()');
  });

  it('creates its only window from the tested options, and checks the sender of every IPC call before dispatch', () => {
    expect(main.match(/new BrowserWindow\(/gu)).toHaveLength(1);
    expect(main).toMatch(/new BrowserWindow\(\s*mainWindowOptions\(/u);
    const handler = main.slice(main.indexOf('ipcMain.handle('));
    expect(handler.indexOf('isTrustedSender(')).toBeGreaterThan(-1);
    expect(handler.indexOf('isTrustedSender(')).toBeLessThan(handler.indexOf('dispatch('));
  });

  it('lets the page title through and never opens anything outside the app', () => {
    expect(main).not.toContain('page-title-updated');
    for (const source of mainSources()) {
      expect(source).not.toMatch(/openExternal|openPath\(|loadURL\(/u);
    }
  });
});
