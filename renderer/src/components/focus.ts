/** Nothing has the focus, or what had it is gone from the page: the control the user was on went away. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active == null || active === document.body || !active.isConnected;
}
