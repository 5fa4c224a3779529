import { Link } from 'react-router';

export function NotFound() {
  return (
    <section className="page">
      <header className="page-header">
        <h1>Not found</h1>
      </header>
      <div className="empty-state">
        <p>There is no such page in the newsroom.</p>
        <Link to="/articles">Go to articles</Link>
      </div>
    </section>
  );
}
