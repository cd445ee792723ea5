import type { User } from '../../../../shared/contract/users';

export const ROLE_LABELS: Record<User['role'], string> = {
  admin: 'Administrator',
  sales_manager: 'Sales manager',
  sales_rep: 'Sales rep',
  marketing: 'Marketing',
  service_agent: 'Service agent',
};
