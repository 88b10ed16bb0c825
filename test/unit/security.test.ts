import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/policy/dispatch';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, isPermissionGranted, WEB_PREFERENCES } from '../../electron/main/policy/security';
import { isTrustedSender } from '../../electron/main/policy/trustedSender';
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
      if (rel.startsWith('electron/main/') && !rel.startsWith('electron/main/policy/')) return false;
      if (rel.startsWith('electron/preload/')) return false;
      return /from\s+['"]electron['"]|require\(['"]electron['"]\)/u.test(readFileSync(f, 'utf8'));
    });
    expect(offenders).toEqual([]);
  });
});
