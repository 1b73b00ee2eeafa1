import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers";
import { newNonce, nonceOf } from "./nonce.mjs";

describe("the CSP nonce", () => {
  it("is 16 random bytes in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("is found in the policy the headers are made with", () => {
    const a = newNonce();
    const policy = contentSecurityPolicy({ nonce: a });
    expect(nonceOf(policy)).toBe(a);
    expect(nonceOf("default-src 'self'")).toBeUndefined();
    expect(nonceOf(undefined)).toBeUndefined();
  });
});
