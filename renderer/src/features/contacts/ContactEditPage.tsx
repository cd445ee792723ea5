import { useParams } from 'react-router';
import { DeletedRecordNotice } from '../../components/DeletedRecordNotice';
import { RecordLoadState } from '../../components/RecordLoadState';
import { ContactEditor } from './ContactEditor';
import { useContact } from './queries';

/** Loads a contact and opens its edit form (not while it is in the recycle bin). */
export function ContactEditPage() {
  const id = Number(useParams().id);
  const contact = useContact(id);
  if (!contact.isSuccess) return <RecordLoadState query={contact} noun="contact" />;
  if (contact.data.deletedAt) return <DeletedRecordNotice noun="contact" recordPath={`/contacts/${id}`} />;
  return <ContactEditor key={id} loaded={contact.data} />;
}
