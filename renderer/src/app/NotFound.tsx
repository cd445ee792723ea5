import { Link } from 'react-router';

export function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        <Link to="/accounts">Go to accounts</Link>
      </p>
    </div>
  );
}
