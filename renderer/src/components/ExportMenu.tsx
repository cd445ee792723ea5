import { useState } from 'react';
import type { EXPORT_FORMATS, EXPORT_GRIDS, ExportInput } from '../../../shared/contract/exports';
import { call } from '../lib/api';
import { base64ToBytes, downloadFile } from '../lib/downloadFile';
import { errorMessage } from '../lib/formErrors';
import { formatCount } from '../lib/format';
import { useToast } from './ToastProvider';

export type ExportGrid = (typeof EXPORT_GRIDS)[number];
type Format = (typeof EXPORT_FORMATS)[number];

export interface ExportMenuProps {
  grid: ExportGrid;
  /** The view as it is now: sort, filter, and the visible columns in order with their headings. */
  getView: () => Pick<ExportInput, 'sort' | 'filter' | 'columns'>;
}

const TYPES: Record<Format, string> = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', vcf: 'text/vcard;charset=utf-8' };
const LABELS: Record<Format, string> = { csv: 'Export CSV', xlsx: 'Export XLSX', vcf: 'Export vCard' };

/** "Export CSV" / "Export XLSX" of exactly what the grid shows; in the app the Save dialog asks where. */
export function ExportMenu({ grid, getView }: ExportMenuProps) {
  const toast = useToast();
  const [busy, setBusy] = useState<Format | null>(null);

  const run = async (format: Format) => {
    setBusy(format);
    try {
      const result = await call('exports.grid', { grid, format, ...getView() });
      if (result.contentBase64 !== null) downloadFile(result.fileName, base64ToBytes(result.contentBase64), TYPES[format]);
      if (result.contentBase64 !== null || result.savedTo !== null) toast.show({ message: `Exported ${formatCount(result.rows, 'row')} to ${result.savedTo ?? result.fileName}` });
    } catch (error) {
      toast.show({ message: `Export failed: ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {(grid === 'contacts' ? (['csv', 'xlsx', 'vcf'] as const) : (['csv', 'xlsx'] as const)).map((format) => (
        <button key={format} type="button" className="btn btn--small" disabled={busy !== null} onClick={() => void run(format)}>
          {busy === format ? 'Exporting…' : LABELS[format]}
        </button>
      ))}
    </>
  );
}
