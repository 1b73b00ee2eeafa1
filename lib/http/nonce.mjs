// No "server-only" marker: server.mjs and its page cache import this outside Next, where the marker throws.
// The CSP script nonce, written once: proxy.ts makes one per response, lib/http/security-headers.ts puts
// it in the policy, and server.mjs's page cache finds it in a kept page and swaps in a fresh one wherever it is.
// Plain JS because the page cache runs outside Next's bundles with no build step (types: nonce.d.mts).

/** 16 random bytes, base64: always 24 characters, so a swapped page keeps its length. */
export function newNonce() {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The policy's source expression for a nonce. */
export function nonceSource(nonce) {
  return `'nonce-${nonce}'`;
}

const SOURCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** The nonce a Content-Security-Policy names, or undefined. */
export function nonceOf(policy) {
  return typeof policy === "string" ? SOURCE.exec(policy)?.[1] : undefined;
}
