import type { IncomingHttpHeaders } from "node:http";

export interface GateSettings {
  concurrency: number;
  queue: number;
  burst: number;
  perMinute: number;
  trustForwarded: boolean;
}

export interface Refusal {
  status: 429 | 503;
  headers: Record<string, string>;
  body: string;
}

export function staticFiles(root: string): Set<string>;
export function rendersPage(url: string | undefined, files?: Set<string>): boolean;
export function gateSettings(env: Record<string, string | undefined>): GateSettings;
export function clientOf(request: { headers: IncomingHttpHeaders; socket?: { remoteAddress?: string } }, trustForwarded?: boolean): string;
export function createClientBuckets(options: { burst: number; perMinute: number; maxClients?: number; now?: () => number }): {
  take(client: string): number;
  readonly size: number;
};
export function createRenderSlots(options: { concurrency: number; queue: number }): {
  acquire(signal?: AbortSignal): Promise<(() => void) | null>;
  readonly load: { running: number; waiting: number };
};
export function createRenderGate(
  settings: GateSettings,
  now?: () => number,
): {
  enter(client: string, signal?: AbortSignal): Promise<{ release: () => void } | { refusal: Refusal | null }>;
  readonly load: { running: number; waiting: number; clients: number };
};
