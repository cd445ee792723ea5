import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { CALL_DIRECTIONS, CALL_OUTCOMES, TASK_PRIORITIES, TASK_STATUSES } from '../../../../shared/contract/activities';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { DIRECTION_LABELS, OUTCOME_LABELS, PRIORITY_LABELS, STATUS_LABELS, TYPE_LABELS } from './activityLabels';
import { ACTIVITY_FIELD_NAMES, ActivityFormSchema, type ActivityFormOutput, type ActivityFormValues } from './activityFormValues';
import { AttendeesField } from './AttendeesField';
import './activities.css';

export interface ActivityFormProps {
  defaultValues: ActivityFormValues;
  /** The form's accessible name, e.g. "New task". */
  label: string;
  submitLabel: string;
  onSave: (values: ActivityFormOutput, changed: Partial<ActivityFormOutput>) => Promise<void>;
  onCancel: () => void;
  onReload?: () => Promise<ActivityFormValues>;
  /** Edit only: whether a task's status can be changed here. */
  editing?: boolean;
}

const nullableNumber = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

/** Create or edit a task, call, meeting or note; the type decides the fields. */
export function ActivityForm({ defaultValues, label, submitLabel, onSave, onCancel, onReload, editing }: ActivityFormProps) {
  const form = useForm<ActivityFormValues, unknown, ActivityFormOutput>({ resolver: zodResolver(ActivityFormSchema), defaultValues, reValidateMode: 'onChange' });
  const {
    register,
    control,
    formState: { errors: e },
  } = form;
  const type = defaultValues.type;
  const err = (name: keyof typeof e) => e[name]?.message as string | undefined;
  const input = (name: (typeof ACTIVITY_FIELD_NAMES)[number]) => `activity-${name}`;

  return (
    <FormShell form={form} label={label} fieldNames={ACTIVITY_FIELD_NAMES} submitLabel={submitLabel} onSave={onSave} onCancel={onCancel} onReload={onReload}>
      <div className="form-grid">
        <Field id={input('subject')} label="Subject" required error={err('subject')} className="field--wide">
          <input
            id={input('subject')}
            type="text"
            autoComplete="off"
            autoFocus
            aria-required="true"
            placeholder={type === 'call' ? 'Call with …' : `${TYPE_LABELS[type]} subject`}
            {...register('subject')}
            {...describedBy(input('subject'), err('subject'))}
          />
        </Field>

        {type === 'call' ? (
          <>
            <Field id={input('direction')} label="Direction" error={err('direction')}>
              <select id={input('direction')} {...register('direction')}>
                {CALL_DIRECTIONS.map((d) => (
                  <option key={d} value={d}>
                    {DIRECTION_LABELS[d]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={input('outcome')} label="Outcome" error={err('outcome')}>
              <select id={input('outcome')} {...register('outcome')} {...describedBy(input('outcome'), err('outcome'))}>
                <option value="">—</option>
                {CALL_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {OUTCOME_LABELS[o]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={input('durationMinutes')} label="Duration (minutes)" error={err('durationMinutes')}>
              <input
                id={input('durationMinutes')}
                type="number"
                min={0}
                max={1440}
                step={1}
                {...register('durationMinutes', { setValueAs: nullableNumber })}
                {...describedBy(input('durationMinutes'), err('durationMinutes'))}
              />
            </Field>
            <Field id={input('startsAt')} label="When" hint="Empty: now" error={err('startsAt')}>
              <input id={input('startsAt')} type="datetime-local" {...register('startsAt')} {...describedBy(input('startsAt'), err('startsAt'))} />
            </Field>
          </>
        ) : null}

        {type === 'task' ? (
          <>
            <Field id={input('dueAt')} label="Due" error={err('dueAt')}>
              <input id={input('dueAt')} type="datetime-local" {...register('dueAt')} {...describedBy(input('dueAt'), err('dueAt'))} />
            </Field>
            <Field id={input('priority')} label="Priority" error={err('priority')}>
              <select id={input('priority')} {...register('priority')}>
                {TASK_PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {PRIORITY_LABELS[p]}
                  </option>
                ))}
              </select>
            </Field>
            {editing ? (
              <Field id={input('status')} label="Status" error={err('status')}>
                <select id={input('status')} {...register('status')}>
                  {TASK_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </>
        ) : null}

        {type === 'meeting' ? (
          <>
            <Field id={input('startsAt')} label="Start" required error={err('startsAt')}>
              <input id={input('startsAt')} type="datetime-local" aria-required="true" {...register('startsAt')} {...describedBy(input('startsAt'), err('startsAt'))} />
            </Field>
            <Field id={input('endsAt')} label="End" required error={err('endsAt')}>
              <input id={input('endsAt')} type="datetime-local" aria-required="true" {...register('endsAt')} {...describedBy(input('endsAt'), err('endsAt'))} />
            </Field>
            <Field id={input('location')} label="Location" error={err('location')}>
              <input id={input('location')} type="text" autoComplete="off" {...register('location')} {...describedBy(input('location'), err('location'))} />
            </Field>
          </>
        ) : null}

        {type === 'task' || type === 'meeting' ? (
          <Field id={input('remindAt')} label="Reminder" hint="Empty: no reminder" error={err('remindAt')}>
            <input id={input('remindAt')} type="datetime-local" {...register('remindAt')} {...describedBy(input('remindAt'), err('remindAt'))} />
          </Field>
        ) : null}

        {type === 'meeting' ? (
          <Controller
            control={control}
            name="attendees"
            render={({ field }) => <AttendeesField id={input('attendees')} value={field.value} onChange={field.onChange} error={err('attendees')} />}
          />
        ) : null}

        <Field id={input('body')} label={type === 'note' ? 'Note' : 'Notes'} error={err('body')} className="field--wide">
          <textarea id={input('body')} rows={type === 'note' ? 5 : 3} {...register('body')} {...describedBy(input('body'), err('body'))} />
        </Field>
      </div>
    </FormShell>
  );
}
