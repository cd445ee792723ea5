/**
 * Saves text or bytes as a file through the browser's download (a Blob behind
 * an <a download>): no new window, and the same in Electron and the harness.
 */
export function downloadFile(filename: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
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

export function downloadTextFile(filename: string, content: string, type = 'text/plain;charset=utf-8'): void {
  downloadFile(filename, content, type);
}

/** The bytes of a base64 text (what the contract sends files as). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
