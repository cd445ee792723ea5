import { Link, useParams } from 'react-router';
import { ErrorBanner } from '../../components/ErrorBanner';
import { errorMessage } from '../../lib/formErrors';
import { ContactEditor } from './ContactEditor';
import { useContact } from './queries';

/** Loads a contact and opens its edit form (not while it is in the recycle bin). */
export function ContactEditPage() {
  const id = Number(useParams().id);
  const contact = useContact(id);
  if (contact.isPending) return <p className="page muted">Loading…</p>;
  if (contact.isError) return <div className="page"><ErrorBanner title="Cannot open this contact" messages={[errorMessage(contact.error)]} /></div>;
  if (contact.data.deletedAt) {
    return (
      <div className="page">
        <ErrorBanner title="This record is in the recycle bin" messages={['Restore it before editing.']} />
        <Link to={`/contacts/${id}`}>Back to the contact</Link>
      </div>
    );
  }
  return <ContactEditor key={id} loaded={contact.data} />;
}
