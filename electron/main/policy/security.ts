/**
 * The desktop shell's security policy as plain data and pure functions (no 'electron' import), so
 * tests can assert every guard without the Electron binary. electron/main/index.ts applies it.
 */

/** Content-Security-Policy of the renderer: nothing remote, no inline script, no network at all. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** BrowserWindow webPreferences: the Electron security checklist items 3, 4 and the sandbox tutorial. */
export const WEB_PREFERENCES = {
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
} as const;

/**
 * The app only ever shows its own bundled page. Any navigation elsewhere (a link in tenant data,
 * a dropped file) is refused; there is no allow-list of remote origins because none is needed.
 */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  try {
    const target = new URL(targetUrl);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
  } catch {
    return false;
  }
}

/** Every permission request (camera, notifications, clipboard-read, geolocation…) is denied. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** Every network request from the renderer that is not the app's own files is cancelled. */
export function isAllowedRequest(url: string): boolean {
  return url.startsWith('file://') || url.startsWith('devtools://') || url.startsWith('data:');
}
