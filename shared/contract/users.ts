import { z } from 'zod';
import { USER_ROLES } from '../picklists';
import { Id, IdInput, requiredText } from './common';
import { method } from './define';

/** A relative weight for least-loaded assignment: 100 is a normal load, 200 takes twice as much. */
export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 1000;
export const CAPACITY_DEFAULT = 100;

const Ref = z.object({ id: Id, name: z.string() });

export const User = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(USER_ROLES),
  active: z.boolean(),
  capacity: z.number().int(),
  manager: Ref.nullable(),
  team: Ref.nullable(),
});
export type User = z.infer<typeof User>;

const Email = z
  .string({ error: 'E-mail is required' })
  .max(254, 'At most 254 characters')
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'E-mail is required'))
  .pipe(z.email('Not an e-mail address'));

/** The fields an administrator edits; no defaults here, so a patch never fills in a field it did not send. */
export const UserFields = {
  name: requiredText(200, 'Name'),
  /** Unique in any letter case. */
  email: Email,
  role: z.enum(USER_ROLES),
  capacity: z
    .number({ error: 'Capacity must be a whole number' })
    .int('Capacity must be a whole number')
    .min(CAPACITY_MIN, `At least ${CAPACITY_MIN}`)
    .max(CAPACITY_MAX, `At most ${CAPACITY_MAX}`),
  /** An active user; never the user themself nor someone they manage, directly or further down. */
  managerId: Id.nullable(),
  teamId: Id.nullable(),
  active: z.boolean(),
};

export const UserInput = z
  .object({
    ...UserFields,
    capacity: UserFields.capacity.default(CAPACITY_DEFAULT),
    managerId: UserFields.managerId.optional().transform((v) => v ?? null),
    teamId: UserFields.teamId.optional().transform((v) => v ?? null),
    active: UserFields.active.default(true),
  })
  .strict();
export type UserInput = z.input<typeof UserInput>;

export const UserPatch = z.object(UserFields).partial().strict();
export type UserPatch = z.input<typeof UserPatch>;

export const Team = z.object({
  id: Id,
  name: z.string(),
  manager: Ref.nullable(),
  /** Active users in the team. */
  memberCount: z.number().int(),
});
export type Team = z.infer<typeof Team>;

export const TeamInput = z
  .object({
    /** Absent: a new team. */
    id: Id.optional(),
    /** Unique in any letter case and accents. */
    name: requiredText(100, 'Name'),
    managerId: Id.nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .strict();
export type TeamInput = z.input<typeof TeamInput>;

const NoInput = z.object({}).strict().optional().transform(() => ({}));

export const usersContract = {
  'session.current': method({ summary: 'Who is using the app', writes: false, input: NoInput, output: z.object({ user: User }) }),
  'session.switch': method({
    summary: 'Use the app as another active user (the profile picker of a single desktop)',
    writes: false,
    input: z.object({ userId: Id }).strict(),
    output: z.object({ user: User }),
  }),
  'users.list': method({ summary: 'Active users, for owner pickers', writes: false, input: NoInput, output: z.array(User) }),
  'users.listAll': method({
    summary: 'Every user ordered by name, with team and manager (inactive ones on request), for the Users page',
    writes: false,
    input: z
      .object({ includeInactive: z.boolean().optional() })
      .strict()
      .optional()
      .transform((v) => ({ includeInactive: v?.includeInactive ?? false })),
    output: z.array(User),
  }),
  'users.create': method({
    summary: 'Add a user (administrators); the e-mail is unique in any letter case',
    writes: true,
    input: UserInput,
    output: User,
  }),
  'users.update': method({
    summary: 'Change a user (administrators); the office always keeps an active administrator, and managers never loop',
    writes: true,
    input: z.object({ id: Id, patch: UserPatch }).strict(),
    output: User,
  }),
  'teams.list': method({
    summary: 'Teams ordered by name, with manager and number of active members',
    writes: false,
    input: NoInput,
    output: z.array(Team),
  }),
  'teams.save': method({
    summary: 'Create or rename a team and set its manager (administrators and sales managers)',
    writes: true,
    input: TeamInput,
    output: Team,
  }),
  'teams.delete': method({
    summary: 'Delete a team (administrators); its members are left without a team',
    writes: true,
    input: IdInput,
    output: z.object({ id: Id, membersCleared: z.number().int() }),
  }),
};
