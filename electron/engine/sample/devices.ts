/**
 * Devices and user agents. Browser and broker strings follow the shapes in
 * shared/reference/catalogues/user_agent_patterns.csv (versions moved forward to late 2026); the
 * automation agents are the ones that catalogue lists as script / SDK / IaC signals.
 */
import type { Device } from './model';
import type { Rng } from './prng';

export const AUTOMATION_UA = {
  windowsPowerShell: 'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.17763.6414',
  powerShell7: 'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.20348; en-US) PowerShell/7.4.6',
  pythonRequests: 'python-requests/2.32.3',
  azureSdkPython: 'azsdk-python-identity/1.19.0 Python/3.11.9 (Linux-5.15.0-1073-azure-x86_64-with-glibc2.35)',
  goHttp: 'Go-http-client/1.1',
  terraform:
    'Go/go1.22.5 (amd64-linux) go-autorest/v14.2.1 Azure-SDK-For-Go/v68.0.0 resources/2020-06-01 HashiCorp Terraform/1.9.8 (+https://www.terraform.io) Terraform Plugin SDK/2.10.1 terraform-provider-azurerm/v3.117.0 pid-222c6c49-1b0a-5959-a213-6608f9eb8820',
} as const;

/** Native clients that talk to Entra through the OS broker (Windows) or MSAL (macOS). */
export const BROKER_UA = {
  windows: 'Windows-AzureAD-Authentication-Provider/1.0',
  msal: 'Mozilla/5.0 (compatible; MSAL 1.0) PKeyAuth/1.0',
} as const;

const EDGE =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.3595.65';
const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const SAFARI_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15';
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0';

export type DeviceKind = 'windowsEdge' | 'windowsChrome' | 'macSafari' | 'macChrome' | 'linuxFirefox';

/** A person's main computer. Windows 11 still reports "Windows10" in sign-in device details. */
export function laptop(rng: Rng, kind: DeviceKind): Device {
  const id = rng.guid();
  switch (kind) {
    case 'windowsEdge':
      return { os: 'Windows10', browser: 'Edge 142.0.3595', userAgent: EDGE, deviceId: id, joinType: 'Hybrid Azure AD joined', compliant: 'True', managed: 'True' };
    case 'windowsChrome':
      return { os: 'Windows10', browser: 'Chrome 142.0.0', userAgent: CHROME_WIN, deviceId: id, joinType: 'Hybrid Azure AD joined', compliant: 'True', managed: 'True' };
    case 'macSafari':
      return { os: 'MacOs', browser: 'Safari 26.1', userAgent: SAFARI_MAC, deviceId: id, joinType: 'Azure AD registered', compliant: 'True', managed: 'True' };
    case 'macChrome':
      return { os: 'MacOs', browser: 'Chrome 142.0.0', userAgent: CHROME_MAC, deviceId: id, joinType: 'Azure AD registered', compliant: 'True', managed: 'True' };
    case 'linuxFirefox':
      return { os: 'Linux', browser: 'Firefox 145.0', userAgent: FIREFOX_LINUX, deviceId: '', joinType: '', compliant: 'False', managed: 'False' };
  }
}

export function phone(rng: Rng): Device {
  const id = rng.guid();
  return rng.chance(0.6)
    ? { os: 'Ios', browser: 'Mobile Safari', userAgent: 'AuthenticatorSSOExtension/1 CFNetwork/1568.200.51 Darwin/24.1.0 ;iPhone', deviceId: id, joinType: 'Azure AD registered', compliant: 'True', managed: 'True' }
    : { os: 'Android', browser: 'Rich Client', userAgent: 'Dalvik/2.1.0 (Linux; U; Android 15; Pixel 8 Build/AP4A.250105.002)', deviceId: id, joinType: 'Azure AD registered', compliant: 'True', managed: 'True' };
}

/** A visitor's unmanaged browser (guests): no device id, not compliant. */
export function unmanagedBrowser(rng: Rng): Device {
  const kind = rng.pick<DeviceKind>(['windowsEdge', 'windowsChrome', 'macSafari']);
  const d = laptop(rng, kind);
  return { ...d, deviceId: '', joinType: '', compliant: 'False', managed: 'False' };
}

/** What the log's "Operating System" shows for a script: whatever the user agent gives away. */
export function osFromUserAgent(ua: string): string {
  if (ua.includes('Windows')) return 'Windows10';
  if (ua.includes('Linux') || ua.includes('linux')) return 'Linux';
  return '';
}
