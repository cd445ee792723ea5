import { z } from 'zod';
import { Id, requiredText } from './common';
import { method } from './define';

/*
 * Custom picklist fields ("custom picks"): administrators add picklists to contacts, leads or accounts; anyone
 * who may edit a record sets their values on it. A value is always one of the field's options.
 */

export const CUSTOM_FIELD_ENTITIES = ['contact', 'lead', 'account'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];
const Entity = z.enum(CUSTOM_FIELD_ENTITIES, { error: 'Custom fields belong to contacts, leads or accounts' });

export const MAX_OPTIONS = 200;
export const MAX_CUSTOM_FIELDS = 50;

const Option = requiredText(100, 'An option').refine((s) => !/[\u0000-\u001f]/.test(s), 'An option is one line of text');

/** 1–200 options, distinct ignoring case, in the order they are offered. */
export const Options = z
  .array(Option)
  .min(1, 'Give at least one option')
  .max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options`)
  .superRefine((opts, ctx) => {
    const seen = new Set<string>();
    opts.forEach((o, i) => {
      const key = o.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `"${o}" is listed twice` });
      seen.add(key);
    });
  });

export const CustomField = z.object({
  id: Id,
  entity: Entity,
  label: z.string(),
  options: z.array(z.string()),
  /** Several values on a record (a multi-select) or at most one. */
  multiple: z.boolean(),
  position: z.number().int(),
});
export type CustomField = z.infer<typeof CustomField>;

/** A field with the values one record has. */
export const CustomFieldWithValues = CustomField.extend({ values: z.array(z.string()) });
export type CustomFieldWithValues = z.infer<typeof CustomFieldWithValues>;

const Values = z.array(z.string().max(100, 'At most 100 characters')).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} values`);

export const customFieldsContract = {
  'customFields.list': method({
    summary: 'The custom picklist fields of contacts, leads or accounts (all when no entity is given), in order',
    writes: false,
    input: z.object({ entity: Entity.optional() }).strict(),
    output: z.array(CustomField),
  }),
  'customFields.create': method({
    summary: 'Add a picklist field to contacts, leads or accounts (administrators)',
    writes: true,
    input: z.object({ entity: Entity, label: requiredText(60, 'Label'), options: Options, multiple: z.boolean().default(false) }).strict(),
    output: CustomField,
  }),
  'customFields.update': method({
    summary: 'Change a field\'s label, options, multi-select or position (administrators); an option in use cannot be removed',
    writes: true,
    input: z
      .object({
        id: Id,
        label: requiredText(60, 'Label').optional(),
        options: Options.optional(),
        multiple: z.boolean().optional(),
        position: z.number().int().min(0).max(MAX_CUSTOM_FIELDS).optional(),
      })
      .strict(),
    output: CustomField,
  }),
  'customFields.delete': method({
    summary: 'Delete a custom field and every value of it (administrators)',
    writes: true,
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id, removedValues: z.number().int() }),
  }),
  'customFields.forRecord': method({
    summary: "The entity's custom fields with one record's values",
    writes: false,
    input: z.object({ entity: Entity, recordId: Id }).strict(),
    output: z.array(CustomFieldWithValues),
  }),
  'customFields.setValues': method({
    summary: "Set a record's values of some custom fields (each replaced as a whole; not for records in the recycle bin)",
    writes: true,
    input: z
      .object({
        entity: Entity,
        recordId: Id,
        values: z
          .array(z.object({ fieldId: Id, values: Values }).strict())
          .min(1, 'Give at least one field')
          .max(MAX_CUSTOM_FIELDS, `At most ${MAX_CUSTOM_FIELDS} fields`)
          .refine((vs) => new Set(vs.map((v) => v.fieldId)).size === vs.length, 'A field is listed twice'),
      })
      .strict(),
    output: z.array(CustomFieldWithValues),
  }),
};
