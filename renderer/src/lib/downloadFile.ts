/**
 * Saves text as a file through the browser's download (a Blob behind an
 * <a download>): no new window, and the same in Electron and the harness.
 */
export function downloadTextFile(filename: string, content: string, type = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to pick the data up before it is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
