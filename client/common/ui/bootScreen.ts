/** What the boot screen says when the device's storage cannot be opened: the app cannot start without it. */
export const STORAGE_UNAVAILABLE =
  'Dabba could not open this browser’s storage for its orders, so it cannot start. In a private window, open Dabba in a normal one; otherwise close other Dabba tabs and reload.';

/** An installed app has no browser bar to reload from: the boot screen offers it. */
export const RELOAD = 'Reload';

/**
 * Opens the device's storage (`open`); when that fails, the boot screen says so in place of its
 * "Opening…", which would otherwise stay for good, and the error is thrown on for the console.
 */
export async function openOrSayWhy<T>(container: HTMLElement, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error: unknown) {
    container.querySelector('.boot')?.removeAttribute('aria-busy');
    const status = container.querySelector('.boot__status');
    if (status) {
      status.textContent = STORAGE_UNAVAILABLE;
      status.setAttribute('role', 'alert');
      status.classList.add('error');
      const reload = document.createElement('button');
      reload.type = 'button';
      reload.className = 'button button--primary';
      reload.textContent = RELOAD;
      reload.addEventListener('click', () => location.reload());
      status.after(reload);
    }
    throw error;
  }
}
