/** Where a key is typing, not a command: a text field, a select, anything editable. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * A single-key shortcut may act on this key press: nobody is typing, no modifier is held (the
 * browser's and the screen reader's own shortcuts stay theirs), and no dialog is open over the page.
 */
export function isPlainKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return false;
  if (isTyping(event.target)) return false;
  return document.querySelector('dialog[open]') === null || (event.target instanceof Element && event.target.closest('dialog') !== null);
}
