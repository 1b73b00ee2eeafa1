import axe, { type Result } from "axe-core";
import type { Frame, Page } from "@playwright/test";

/**
 * axe's violations on the page, or within one part of it (a CSS selector).
 *
 * axe-core runs in the page itself. @axe-core/playwright's analyze() finishes every run in a new
 * blank page, for cross-origin frames these pages do not have: on this 2-core machine that made each
 * check take ~6 s instead of ~1 s.
 */
/** `page`: a page, or one frame of it (an embedded view). */
export async function axeViolations(page: Page | Frame, within?: string): Promise<Result[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(
    (selector) =>
      (window as unknown as { axe: typeof axe }).axe.run(selector ?? document, { resultTypes: ["violations"] }).then((r) => r.violations),
    within,
  );
}

/** Serious and critical: the violations the suite refuses. */
export const isSerious = (v: Result) => v.impact === "serious" || v.impact === "critical";

export async function seriousViolations(page: Page | Frame, within?: string): Promise<Result[]> {
  return (await axeViolations(page, within)).filter(isSerious);
}
