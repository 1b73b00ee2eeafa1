import Link from "next/link";

export default function NotFound() {
  return (
    <main className="message-page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. The dashboard lives at the start page; filters are part of its URL.</p>
      <p>
        <Link href="/">Open the dashboard</Link>
      </p>
    </main>
  );
}
