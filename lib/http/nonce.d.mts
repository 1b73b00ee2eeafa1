import "server-only";
export function newNonce(): string;
export function nonceSource(nonce: string): string;
export function nonceOf(policy: unknown): string | undefined;
