/** An IPC call is trusted only from our own window's main frame showing our own page. */
export interface SenderFacts {
  senderId: number;
  trustedWindowIds: readonly number[];
  frameUrl: string | null;
  isMainFrame: boolean;
  appUrl: string;
}

export function isTrustedSender(f: SenderFacts): boolean {
  if (!f.isMainFrame || !f.trustedWindowIds.includes(f.senderId) || !f.frameUrl) return false;
  try {
    const frame = new URL(f.frameUrl);
    const app = new URL(f.appUrl);
    return frame.protocol === app.protocol && frame.pathname === app.pathname;
  } catch {
    return false;
  }
}
