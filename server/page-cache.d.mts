import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import type { LRUCache } from "lru-cache";

export interface CachedPage {
  headers: [string, string | number | string[]][];
  nonce: string;
  parts: Buffer[];
  size: number;
}

interface RequestLike {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

export function requestCacheable(request: RequestLike): boolean;
export function cacheKey(request: Pick<RequestLike, "url" | "headers">, version: string): string;
export function acceptsGzip(header: string | string[] | undefined): boolean;
export function storedEntry(response: { status: number; headers: OutgoingHttpHeaders; body: Buffer }, version: string): CachedPage | null;
export function replay(entry: CachedPage, nonce: string): { headers: CachedPage["headers"]; body: Buffer };
export function createPageCache(maxBytes: number): LRUCache<string, CachedPage>;
