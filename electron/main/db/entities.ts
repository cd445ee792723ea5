import { AccountEntity } from '../domain/accounts/account.entity';
import { AuditEntryEntity } from '../domain/audit/audit-entry.entity';
import { ContactEntity } from '../domain/contacts/contact.entity';
import { UserPreferenceEntity } from '../domain/preferences/user-preference.entity';
import { UserEntity } from '../domain/users/user.entity';

export const entities = [UserEntity, AccountEntity, ContactEntity, AuditEntryEntity, UserPreferenceEntity];
