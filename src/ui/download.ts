/** Saves text as a file through the browser's download, from a click of the page's own. */

/**
 * Downloads `text` as `name`. The temporary link goes inside the open modal dialog when there
 * is one: everything outside a modal dialog is inert.
 */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  const host = document.querySelector('dialog[open]') ?? document.body;
  host.append(link);
  link.click();
  link.remove();
  // Why later: revoking at once can cancel the download before the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
