export const VERSIONED_FILES: readonly string[];
export const SOURCES_FILE: string;
export const SOURCES_DIR: string;
export const TOURS_DIR: string;
export const CHECK_EVERY_MS: number;
export const VERSION_HEADER: string;
export const UNAVAILABLE_MARK: string;
export function dataDir(): string;
export function filesStamp(dir: string): Promise<string>;
export function datasetVersion(dir: string): Promise<string>;
export interface VersionWatcher {
  /** The files' version now, as the store names it; looked at most every `everyMs`. */
  current(): Promise<string>;
}
export function versionWatcher(dir: string, options?: { everyMs?: number; now?: () => number }): VersionWatcher;
