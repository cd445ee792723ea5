import { z } from 'zod';
import { USER_ROLES } from '../picklists';
import { Id } from './common';
import { method } from './define';

export const User = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(USER_ROLES),
  active: z.boolean(),
});
export type User = z.infer<typeof User>;

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
};
