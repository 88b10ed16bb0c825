/**
 * User-agent families (catalogues/user_agent_patterns.csv). Order matters: automation markers are
 * checked before the browser shape, because SDKs and scripts often start with "Mozilla/5.0" too.
 */
export type UserAgentFamily = 'automation' | 'browser' | 'native_client' | 'mobile' | 'unknown';

const AUTOMATION: readonly RegExp[] = [
  /^azsdk-/iu,
  /^python-requests\//iu,
  /aiohttp/iu,
  /^Go-http-client\//iu,
  /fasthttp/iu,
  /^okhttp\//iu,
  /^curl\//iu,
  /^Wget\//iu,
  /^PostmanRuntime\//iu,
  /^(axios|node-fetch|undici)\b/iu,
  /HeadlessChrome|PhantomJS|Selenium/iu,
  /WindowsPowerShell\/\d/iu,
  /\bPowerShell\/\d/iu,
  /HashiCorp Terraform\//iu,
  /terraform-provider-/iu,
  /^AZURECLI\//iu,
  /AzurePowershell\/v/iu,
  /GITHUBACTIONS\//iu,
  /^VSTS_/iu,
  /BAV2ROPC/iu,
  /(azure|sharp|blood)hound\//iu,
  /AADInternals/iu,
  /^MSAL\.(Python|NetCore|Desktop|Java|node)/iu,
];

export function userAgentFamily(ua: string | null): UserAgentFamily {
  if (!ua) return 'unknown';
  if (AUTOMATION.some((re) => re.test(ua))) return 'automation';
  if (/CFNetwork\/|^Dalvik\//u.test(ua)) return 'mobile';
  if (/^Windows-AzureAD-Authentication-Provider\//u.test(ua) || /\(compatible; MSAL 1\.0\) PKeyAuth/u.test(ua)) return 'native_client';
  if (/^Mozilla\/5\.0 .*(Chrome|Firefox|Safari|Edg)\//u.test(ua)) return 'browser';
  return 'unknown';
}
