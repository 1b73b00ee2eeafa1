export const ALLOWED_METHODS: readonly string[];
export function pathDecodes(url: string | undefined): boolean;
export function guardAnswer(request: {
  method?: string;
  url?: string;
}): { status: number; headers: Record<string, string>; body: string } | null;
