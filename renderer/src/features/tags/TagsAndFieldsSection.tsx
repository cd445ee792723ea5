import type { Taggable } from '../../../../shared/contract/tags';
import { Section } from '../../components/Section';
import { RecordCustomFields } from '../custom-fields/RecordCustomFields';
import { RecordTags } from './RecordTags';

export interface TagsAndFieldsSectionProps {
  entity: Taggable;
  id: number;
  deleted: boolean;
}

/** The "Tags" section of a contact, lead or account page: its tags, then its custom picklists. */
export function TagsAndFieldsSection({ entity, id, deleted }: TagsAndFieldsSectionProps) {
  return (
    <Section title="Tags">
      <RecordTags entity={entity} id={id} readOnly={deleted} />
      <RecordCustomFields entity={entity} id={id} readOnly={deleted} />
    </Section>
  );
}
