import { publishedTree } from "../../src/taskpane/standard";
import { createFakePort } from "../../src/taskpane/fakePort";
import type { CreateWorkbookRequest, ProgressStep } from "../../src/port";

const request = (over: Partial<CreateWorkbookRequest> = {}): CreateWorkbookRequest => ({
  tree: publishedTree(),
  vendors: ["Acme", "Beta", "Gamma"],
  raters: [],
  locale: "en-US",
  missing: "exclude",
  ...over,
});

test("create reports progress from 0 to 1 and read finds the demo problems", async () => {
  const port = createFakePort({ demoRatings: true });
  const seen: [number, ProgressStep][] = [];
  const result = await port.createWorkbook(request(), { onProgress: (f, s) => seen.push([f, s]) });
  expect(result.sheets).toEqual(["Weights", "Ratings", "Results"]);
  expect(seen[0]).toEqual([0, "prepare"]);
  expect(seen[seen.length - 1][0]).toBe(1);
  const snap = await port.readWorkbook();
  expect(snap).not.toBeNull();
  const kinds = snap!.problems.map((p) => [p.kind, p.vendor ?? null, p.address]);
  expect(kinds).toEqual([
    ["out-of-range", "Acme", "C3"],
    ["required-unrated", "Gamma", "E2"],
    ["not-a-number", "Gamma", "E4"],
    ["weights-not-100", null, "D2"],
    ["weights-not-100", null, expect.stringMatching(/^D\d+$/)],
  ]);
  expect(snap!.scores.vendors.map((v) => v.vendor)).toEqual(["Acme", "Beta", "Gamma"]);
  expect(snap!.scores.vendors.every((v) => v.total !== null)).toBe(true);
});

test("with raters a blank cell is a missing rating when another rater rated the indicator", async () => {
  const port = createFakePort({ demoRatings: true });
  await port.createWorkbook(request({ raters: ["Ann", "Bob"] }));
  const snap = await port.readWorkbook();
  const gamma = snap!.problems.filter((p) => p.vendor === "Gamma");
  expect(gamma.map((p) => [p.kind, p.rater])).toEqual([
    ["missing-rating", "Ann"],
    ["not-a-number", "Ann"],
  ]);
});

test("abort rejects with AbortError", async () => {
  const port = createFakePort({ delayMs: 50 });
  const ac = new AbortController();
  const p = port.createWorkbook(request(), { signal: ac.signal });
  ac.abort();
  await expect(p).rejects.toMatchObject({ name: "AbortError" });
  expect(port.book).toBeNull();
});

test("read without a scorecard is null; freeze and apply need one", async () => {
  const port = createFakePort();
  expect(await port.readWorkbook()).toBeNull();
  await expect(port.freezeResults()).rejects.toMatchObject({ code: "ItemNotFound" });
  await expect(port.applyWeights(publishedTree())).rejects.toMatchObject({ code: "ItemNotFound" });
});
