import { describe, expect, it } from 'vitest';
import { engagementPathFromArgv, isEngagementPath } from '../../../electron/main/launch/argv';

const existing = new Set(['/home/ana/audits/fabrikam.nhiaudit', '/home/ana/audits/Contoso.NHIAUDIT', '/tmp/work/relative.nhiaudit']);
const exists = (p: string): boolean => existing.has(p);

describe('engagement file from the command line', () => {
  it('finds the file a double-click or "Open with" passed', () => {
    expect(engagementPathFromArgv(['/opt/nhi-audit/nhi-audit', '/home/ana/audits/fabrikam.nhiaudit'], { exists })).toBe('/home/ana/audits/fabrikam.nhiaudit');
    expect(engagementPathFromArgv(['/opt/nhi-audit/nhi-audit', '/home/ana/audits/Contoso.NHIAUDIT'], { exists })).toBe('/home/ana/audits/Contoso.NHIAUDIT');
  });

  it("skips Chromium's and Electron's own arguments and the app path of a development start", () => {
    const argv = [
      '/app/node_modules/electron/dist/electron',
      '.',
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000000000000',
      '-psn_0_12345',
      '/app/out/main/index.js',
      '/home/ana/audits/fabrikam.nhiaudit',
    ];
    expect(engagementPathFromArgv(argv, { exists })).toBe('/home/ana/audits/fabrikam.nhiaudit');
  });

  it('ignores flags that look like files, other file types, missing files and the executable', () => {
    expect(engagementPathFromArgv(['/x/app', '--file=/home/ana/audits/fabrikam.nhiaudit'], { exists })).toBeNull();
    expect(engagementPathFromArgv(['/x/app', '/home/ana/audits/report.xlsx'], { exists: () => true })).toBeNull();
    expect(engagementPathFromArgv(['/x/app', '/home/ana/audits/gone.nhiaudit'], { exists })).toBeNull();
    expect(engagementPathFromArgv(['/home/ana/audits/fabrikam.nhiaudit'], { exists })).toBeNull();
    expect(engagementPathFromArgv([], { exists })).toBeNull();
    expect(engagementPathFromArgv(['/x/app', ''], { exists: () => true })).toBeNull();
  });

  it("resolves a relative path against the launching process's folder", () => {
    expect(engagementPathFromArgv(['/x/app', 'relative.nhiaudit'], { exists, cwd: '/tmp/work' })).toBe('/tmp/work/relative.nhiaudit');
    expect(engagementPathFromArgv(['/x/app', 'relative.nhiaudit'], { exists, cwd: '/elsewhere' })).toBeNull();
  });

  it('takes the first existing engagement file', () => {
    expect(engagementPathFromArgv(['/x/app', '/gone.nhiaudit', '/home/ana/audits/fabrikam.nhiaudit', '/home/ana/audits/Contoso.NHIAUDIT'], { exists })).toBe(
      '/home/ana/audits/fabrikam.nhiaudit',
    );
  });

  it('recognises an engagement path by its extension', () => {
    expect(isEngagementPath('/a/b.nhiaudit')).toBe(true);
    expect(isEngagementPath('C:\\A\\B.NhiAudit')).toBe(true);
    expect(isEngagementPath('/a/b.nhiaudit.zip')).toBe(false);
    expect(isEngagementPath('/a/nhiaudit')).toBe(false);
  });
});
