import { NextResponse } from "next/server";
import { publicProblems } from "@/lib/data/public-problems";
import { StoreUnavailableError, dataDir, dataHealth, getStore } from "@/lib/data/store";
import { storeUnavailable } from "@/lib/http/unavailable";

/**
 * 200 while the version being served is the newest (the files on disk, or the database's published
 * version); 503 naming file › record › field otherwise, or when the database does not answer.
 * `store` says which store serves: "memory" or "postgres".
 */
export async function GET() {
  const store = getStore().kind;
  try {
    const { version, problems } = await dataHealth();
    const ok = version !== null && problems.length === 0;
    return NextResponse.json(
      { ok, version, store, problems: publicProblems(dataDir(), problems) },
      { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    console.error(error.message);
    return storeUnavailable({ ok: false, version: null, store });
  }
}
