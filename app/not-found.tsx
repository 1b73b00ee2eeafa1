// A plain link: next/link would add its runtime to every page's first load, for a page rarely seen.
export default function NotFound() {
  return (
    <main className="message-page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. The dashboard lives at the start page; filters are part of its URL.</p>
      <p>
        <a href="/">Open the dashboard</a>
      </p>
    </main>
  );
}
