"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="message-page" role="alert">
      <h1>Something went wrong</h1>
      <p>The dashboard could not be shown. This is a fault on our side, not in your link.</p>
      {error.digest ? <p>Reference for the site’s maintainers: <code>{error.digest}</code></p> : null}
      <p>
        <button type="button" onClick={reset}>Try again</button> or <a href="/">start over</a>.
      </p>
    </main>
  );
}
