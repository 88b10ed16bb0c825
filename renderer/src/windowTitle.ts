import type { EngagementInfo } from '../../shared/contract/dto';

/** The window title: Electron main shows document.title, so the taskbar names the open engagement. */
export function windowTitle(engagement: Pick<EngagementInfo, 'name'> | null): string {
  if (!engagement) return 'nhi-audit';
  return `${engagement.name.trim() || 'Untitled engagement'} — nhi-audit`;
}
