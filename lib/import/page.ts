/** The page that checks a curator's file in the browser (app/import/page.tsx). */
export const IMPORT_PAGE = "/import";
