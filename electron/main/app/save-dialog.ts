import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { SaveFile } from '../domain/attachments/attachments.service';

interface DialogLike {
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/** The native "Save as" sheet over the focused window, suggesting the documents folder and the file's own name. */
export function nativeSaveFile(dialog: DialogLike, focusedWindow: () => BrowserWindow | null, documentsDir: string): SaveFile {
  return async (suggestedName, bytes) => {
    const options: SaveDialogOptions = {
      defaultPath: join(documentsDir, suggestedName),
      filters: suggestedName.toLowerCase().endsWith('.pdf') ? [{ name: 'PDF', extensions: ['pdf'] }] : [],
    };
    const window = focusedWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeFile(result.filePath, bytes);
    return result.filePath;
  };
}
