export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <section className="page">
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <div className="empty-state">
        <p>{what}</p>
        <p className="muted">This screen arrives with its feature.</p>
      </div>
    </section>
  );
}
