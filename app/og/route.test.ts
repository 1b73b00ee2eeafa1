import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { previews } from "./preview-cache";
import { GET } from "./route";

describe("/og and a client that leaves", () => {
  it("draws nothing for a request already aborted, and answers without an error", async () => {
    const before = previews.stats();
    const response = await GET(new NextRequest("http://localhost/og?city=shanghai&q=left", { signal: AbortSignal.abort() }));
    expect(response.status).toBe(499);
    expect(previews.stats()).toEqual({ ...before, active: 0, queued: 0 });
  });

  it("draws nothing for a client that leaves while the data loads, and the image for one that stays", async () => {
    const leaving = new AbortController();
    const left = GET(new NextRequest("http://localhost/og?city=shanghai&q=abandoned", { signal: leaving.signal }));
    leaving.abort();
    expect((await left).status).toBe(499);
    const stayed = await GET(new NextRequest("http://localhost/og?city=shanghai&q=abandoned"));
    expect(stayed.status).toBe(200);
    expect(stayed.headers.get("content-type")).toBe("image/png");
  });
});

describe("/og for a tour's step", () => {
  it("is an image of its own, apart from the same view's without the step", async () => {
    const step = await GET(new NextRequest("http://localhost/og?from=2016&to=2016&city=shenzhen&tour=ichei-shenzhen&step=founding"));
    expect(step.status).toBe(200);
    expect(step.headers.get("content-type")).toBe("image/png");
    const view = await GET(new NextRequest("http://localhost/og?from=2016&to=2016&city=shenzhen"));
    expect(step.headers.get("etag")).not.toBe(view.headers.get("etag"));
    const png = Buffer.from(await step.arrayBuffer());
    expect(png.equals(Buffer.from(await view.arrayBuffer()))).toBe(false);
    // An unknown tour is dropped, as the page drops it: the view's own image.
    const unknown = await GET(new NextRequest("http://localhost/og?from=2016&to=2016&city=shenzhen&tour=atlantis"));
    expect(unknown.headers.get("etag")).toBe(view.headers.get("etag"));
  });
});
