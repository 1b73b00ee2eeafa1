import { NextResponse, type NextRequest } from "next/server";
import { parseQuery } from "@/lib/query/query";
import { storeOr503 } from "@/lib/http/unavailable";
import { LIST_PAGE } from "@/lib/view/view-model";

/** The list's further pages: `offset` rows in, LIST_PAGE at a time, for the same view parameters. */
export async function GET(request: NextRequest) {
  const store = await storeOr503();
  if (store instanceof Response) return store;
  const params = request.nextUrl.searchParams;
  const offset = Number(params.get("offset") ?? "0");
  if (!Number.isInteger(offset) || offset < 0) {
    return NextResponse.json(
      {
        error: "Invalid query parameters",
        issues: [{ param: "offset", value: params.get("offset"), message: "expected a whole number ≥ 0" }],
      },
      { status: 400 },
    );
  }
  const { query } = parseQuery(params, store.vocabulary);
  const [matched, { rows }] = await Promise.all([store.count(query), store.rows(query, { lang: query.lang, offset, limit: LIST_PAGE })]);
  return NextResponse.json({ matched, rows });
}
