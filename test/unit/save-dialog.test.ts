import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nativeSaveFile } from '../../electron/main/app/save-dialog';
import { tempDir } from '../support/temp-host';

describe('the native save dialog for attachments', () => {
  it('suggests the documents folder and the file name, writes the bytes where the user chose', async () => {
    const target = join(tempDir('crm-save-'), 'Proposal.pdf');
    const window = { id: 1 } as never;
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }));
    const save = nativeSaveFile({ showSaveDialog } as never, () => window, '/home/ann/Documents');
    expect(await save('Q-000001-v2.pdf', Buffer.from('%PDF-1.7 test'))).toBe(target);
    expect(showSaveDialog).toHaveBeenCalledWith(window, { defaultPath: join('/home/ann/Documents', 'Q-000001-v2.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 test');
  });

  it('returns null and writes nothing when the user cancels', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    const save = nativeSaveFile({ showSaveDialog } as never, () => null, '/tmp');
    expect(await save('a.pdf', Buffer.from('x'))).toBeNull();
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultPath: join('/tmp', 'a.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  });
});
