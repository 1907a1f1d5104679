/**
 * Saves bytes or text as a file the person downloads: through a Blob URL and an
 * `<a download>`, which the page's Content-Security-Policy allows (navigations and downloads
 * are not fetches; no script or HTML is made from the data).
 */

/**
 * Downloads `blob` as `name`. The temporary link goes inside the open modal dialog when there
 * is one: everything outside a modal dialog is inert.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  const host = document.querySelector('dialog[open]') ?? document.body;
  host.append(link);
  link.click();
  link.remove();
  // Why later: revoking at once can cancel the download before the browser has read the blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `text` as a file named `name` of media type `type`. */
export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}
