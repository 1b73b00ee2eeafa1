import { describe, expect, it } from "vitest";
import { guardAnswer, pathDecodes } from "./request-guard.mjs";

describe("guardAnswer: methods", () => {
  it("passes GET and HEAD on to Next", () => {
    expect(guardAnswer({ method: "GET", url: "/" })).toBeNull();
    expect(guardAnswer({ method: "HEAD", url: "/api/events?city=beijing" })).toBeNull();
  });

  it("answers 405 naming the allowed methods for every other method, on every route", () => {
    for (const method of ["TRACE", "TRACK", "POST", "PUT", "DELETE", "PATCH", "PROPFIND", "FOO", undefined]) {
      for (const url of ["/", "/api/events", "/og?city=shanghai", "/sources/ichei-about-us", "/_next/static/chunks/a.js"]) {
        const answer = guardAnswer({ method, url });
        expect(answer?.status, `${method} ${url}`).toBe(405);
        expect(answer?.headers.Allow).toBe("GET, HEAD, OPTIONS");
        expect(answer?.body).not.toMatch(/at |\.js|\.mjs/); // no stack, no path
      }
    }
  });

  it("answers OPTIONS itself with the allowed methods", () => {
    expect(guardAnswer({ method: "OPTIONS", url: "*" })).toMatchObject({ status: 204, headers: { Allow: "GET, HEAD, OPTIONS" } });
  });
});

describe("guardAnswer: paths", () => {
  it("answers 400 to a path that does not decode, or decodes to control characters", () => {
    for (const url of [
      "/sources/%FF",
      "/%FF",
      "/sources/%E4%B8",
      "/sources/%",
      "/sources/%zz",
      "/api/events/%C0%AF",
      "/og/%FF?x=1",
      "/sources/a%00b",
      "/sources/%0D%0AX:1",
    ]) {
      expect(guardAnswer({ method: "GET", url })?.status, url).toBe(400);
    }
  });

  it("passes well-formed paths on, however odd (a 404 is the page's to answer), and leaves the query to the routes", () => {
    for (const url of [
      "/",
      "/sources/ichei-about-us",
      "/sources/%E4%B8%8A%E6%B5%B7",
      "/sources/..%2F..%2Fetc",
      "/no-such-page",
      "/?q=%FF&city=%",
      "/api/events?q=%zz",
    ]) {
      expect(pathDecodes(url), url).toBe(true);
    }
  });
});
