import { useState } from 'react';
import type { MappingPreset } from '../../../../shared/imports/presets';
import { applyPreset } from '../../../../shared/imports/presets';
import type { ImportTarget } from '../../../../shared/imports/fields';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';

export interface PresetBarProps {
  target: ImportTarget;
  headers: string[];
  columns: (string | null)[];
  presets: MappingPreset[];
  presetId: string | null;
  onApply: (columns: (string | null)[], presetId: string | null) => void;
  onSaved: (preset: MappingPreset) => void;
}

/** Pick a mapping preset (built in for Salesforce, HubSpot, Outlook, Google, or saved here), or save the current mapping as one. */
export function PresetBar({ target, headers, columns, presets, presetId, onApply, onSaved }: PresetBarProps) {
  const toast = useToast();
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const mine = presets.filter((p) => p.target === target);

  const save = async () => {
    setFailure(null);
    const mapped = Object.fromEntries(headers.flatMap((h, i) => (columns[i] ? [[h, columns[i]!]] : [])));
    try {
      const preset = await call('imports.savePreset', { name, target, columns: mapped });
      onSaved(preset);
      setName('');
      toast.show({ message: `Mapping saved as "${preset.name}"` });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <div className="import-presets">
      <div className="field">
        <label htmlFor="import-preset">Preset</label>
        <select
          id="import-preset"
          value={presetId ?? ''}
          onChange={(e) => {
            const preset = mine.find((p) => p.id === e.target.value);
            if (preset) onApply(applyPreset(preset, headers), preset.id);
          }}
        >
          <option value="" disabled>
            Matched by column names
          </option>
          {mine.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.builtIn ? '' : ' (saved)'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="import-preset-name">Save this mapping as</label>
        <input id="import-preset-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="e.g. Trade fair list" />
      </div>
      <button type="button" className="btn" disabled={!name.trim() || !columns.some(Boolean)} onClick={() => void save()}>
        Save preset
      </button>
      {failure ? <p className="field__error">{failure}</p> : null}
    </div>
  );
}
