import { z } from 'zod';
import { Id, Timestamp, UserRef, requiredText } from './common';
import { method } from './define';

/*
 * Tags: free labels on contacts, leads and accounts. Anyone may create a tag and tag records; renaming and
 * deleting a tag (which takes it off every record) is for administrators and marketing.
 */

export const TAGGABLE = ['contact', 'lead', 'account'] as const;
export type Taggable = (typeof TAGGABLE)[number];
const Entity = z.enum(TAGGABLE, { error: 'Tags go on contacts, leads or accounts' });

export const MAX_TAGS_PER_RECORD = 100;

const TagName = requiredText(60, 'Name').refine((s) => !/[\u0000-\u001f]/.test(s), 'A tag name is one line of text');
const Colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb')
  .transform((s) => s.toLowerCase())
  .nullable();

/** A tag as it shows on a record. */
export const TagRef = z.object({ id: Id, name: z.string(), colour: z.string().nullable() });
export type TagRef = z.infer<typeof TagRef>;

export const Tag = TagRef.extend({
  /** Live records carrying it, per kind (records in the recycle bin are not counted). */
  counts: z.object({ contact: z.number().int(), lead: z.number().int(), account: z.number().int() }),
  createdAt: Timestamp,
  createdBy: UserRef,
});
export type Tag = z.infer<typeof Tag>;

const TagIds = z
  .array(Id)
  .max(MAX_TAGS_PER_RECORD, `At most ${MAX_TAGS_PER_RECORD} tags on a record`)
  .refine((ids) => new Set(ids).size === ids.length, 'A tag is listed twice');

const RecordIds = z
  .array(Id)
  .min(1, 'Choose at least one record')
  .max(10_000, 'At most 10,000 records at once')
  .refine((ids) => new Set(ids).size === ids.length, 'A record is listed twice');

export const tagsContract = {
  'tags.list': method({
    summary: 'Every tag by name, with how many live contacts, leads and accounts carry it',
    writes: false,
    input: z.object({ search: z.string().max(60).optional() }).strict(),
    output: z.array(Tag),
  }),
  'tags.create': method({
    summary: 'A new tag (names are unique ignoring case)',
    writes: true,
    input: z.object({ name: TagName, colour: Colour.optional() }).strict(),
    output: Tag,
  }),
  'tags.rename': method({
    summary: 'Rename a tag or change its colour (administrators and marketing)',
    writes: true,
    input: z.object({ id: Id, name: TagName, colour: Colour.optional() }).strict(),
    output: Tag,
  }),
  'tags.delete': method({
    summary: 'Delete a tag and take it off every record (administrators and marketing)',
    writes: true,
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id, removedFrom: z.number().int() }),
  }),
  'tags.forRecord': method({
    summary: "A record's tags, by name",
    writes: false,
    input: z.object({ entity: Entity, recordId: Id }).strict(),
    output: z.array(TagRef),
  }),
  'tags.set': method({
    summary: "Replace a record's tags (not for records in the recycle bin)",
    writes: true,
    input: z.object({ entity: Entity, recordId: Id, tagIds: TagIds }).strict(),
    output: z.array(TagRef),
  }),
  'tags.add': method({
    summary: 'Put one tag on many live records (those already carrying it are left as they are)',
    writes: true,
    input: z.object({ entity: Entity, recordIds: RecordIds, tagId: Id }).strict(),
    output: z.object({ added: z.number().int(), alreadyTagged: z.number().int() }),
  }),
  'tags.remove': method({
    summary: 'Take one tag off many records',
    writes: true,
    input: z.object({ entity: Entity, recordIds: RecordIds, tagId: Id }).strict(),
    output: z.object({ removed: z.number().int() }),
  }),
};
