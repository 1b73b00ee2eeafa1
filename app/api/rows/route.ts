import { NextResponse, type NextRequest } from "next/server";
import { parseQuery } from "@/lib/query/parse";
import { InvalidCursorError } from "@/lib/data/store";
import { storeFailuresAs503, storeOr503 } from "@/lib/http/unavailable";
import { LIST_PAGE } from "@/lib/view/view-model";

function invalid(param: string, value: string | null, message: string) {
  return NextResponse.json({ error: "Invalid query parameters", issues: [{ param, value, message }] }, { status: 400 });
}

/**
 * The list's further pages, LIST_PAGE at a time, for the same view parameters: after the cursor the
 * previous page handed back (`after`, what the page uses: it stays right while the data grows), or
 * `offset` rows in (for API readers who count).
 */
async function get(request: NextRequest) {
  const store = await storeOr503();
  if (store instanceof Response) return store;
  const params = request.nextUrl.searchParams;
  const after = params.get("after");
  const offset = Number(params.get("offset") ?? "0");
  if (!Number.isInteger(offset) || offset < 0) return invalid("offset", params.get("offset"), "expected a whole number ≥ 0");
  if (after !== null && params.has("offset")) return invalid("offset", params.get("offset"), "give either after or offset, not both");
  const { query } = parseQuery(params, store.vocabulary);
  try {
    const [matched, page] = await Promise.all([
      store.count(query),
      store.rows(query, { lang: query.lang, limit: LIST_PAGE, ...(after === null ? { offset } : { after }) }),
    ]);
    return NextResponse.json({ matched, rows: page.rows, next: page.next });
  } catch (error) {
    // A cursor no store wrote (edited by hand, or cut short) is the reader's mistake, not the server's.
    if (error instanceof InvalidCursorError) return invalid("after", after, "not a cursor this list handed out");
    throw error;
  }
}

// The database going down midway answers 503, as when it was down from the start.
export const GET = storeFailuresAs503(get);
