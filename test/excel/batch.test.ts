import fc from "fast-check";
import { newStats, runOps, Syncer, type Op } from "../../src/excel/batch";
import { chunkBlock, textGuardFormats } from "../../src/excel/blocks";
import { parseRect, type CellBlock } from "../../src/plan";

function countingContext(): { context: Excel.RequestContext; syncs: () => number } {
  let n = 0;
  const context = { sync: async (): Promise<void> => void n++ } as unknown as Excel.RequestContext;
  return { context, syncs: () => n };
}

describe("runOps", () => {
  test("one sync when everything fits; a greedy split only when the budget is passed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 60 }), async (sizes) => {
        const { context, syncs } = countingContext();
        const syncer = new Syncer(context, newStats(), undefined, 1000);
        const order: number[] = [];
        const ops: Op[] = sizes.map((bytes, i) => ({ bytes, run: () => void order.push(i) }));
        await runOps(syncer, ops);
        expect(order).toEqual(sizes.map((_, i) => i));
        const total = sizes.reduce((a, b) => a + b, 0);
        if (total <= 1000) expect(syncs()).toBe(1);
        expect(syncer.stats.requests.every((b) => b <= 1000)).toBe(true);
        expect(syncer.stats.requests.reduce((a, b) => a + b, 0)).toBe(total);
        // Greedy: two neighbouring requests could not have been one.
        const r = syncer.stats.requests;
        for (let i = 0; i + 1 < r.length; i++) expect(r[i] + r[i + 1]).toBeGreaterThan(1000);
      }),
    );
  });

  test("rejects with an AbortError before a sync once aborted", async () => {
    const { context, syncs } = countingContext();
    const ctl = new AbortController();
    const syncer = new Syncer(context, newStats(), ctl.signal, 100);
    const ops: Op[] = [{ bytes: 80, run: () => undefined }, { bytes: 80, run: () => ctl.abort() }, { bytes: 80, run: () => undefined }];
    await expect(runOps(syncer, ops)).rejects.toMatchObject({ name: "AbortError" });
    expect(syncs()).toBe(1);
  });
});

describe("chunkBlock", () => {
  test("pieces cover the block row by row, each within the limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 20, max: 400 }), (rows, cols, max) => {
        const cells = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `=A${r + 1}*${c}`));
        const block: CellBlock = { kind: "formulas", address: `C7:${String.fromCharCode(66 + cols)}${6 + rows}`, cells };
        const pieces = chunkBlock(block, max);
        expect(pieces.flatMap((p) => p.cells)).toEqual(cells);
        let next = 7;
        for (const p of pieces) {
          const r = parseRect(p.address);
          expect([r.r1, r.c1, r.c2, r.r2 - r.r1 + 1]).toEqual([next, 3, 2 + cols, p.cells.length]);
          next = r.r2 + 1;
          if (p.cells.length > 1) expect(JSON.stringify(p.cells).length).toBeLessThanOrEqual(max + p.cells.length);
        }
      }),
    );
  });
});

describe("textGuardFormats", () => {
  test("'@' exactly where a string would not stay text; formulas blocks leave their formulas alone", () => {
    expect(textGuardFormats({ kind: "values", address: "A1:D1", cells: [["Acme", "=1+1", 5, "-x"]] })).toEqual([["General", "@", "General", "@"]]);
    expect(textGuardFormats({ kind: "values", address: "A1:B1", cells: [["Acme", null]] })).toBeNull();
    expect(textGuardFormats({ kind: "formulas", address: "A1:B1", cells: [["=A2", 3]] })).toBeNull();
    expect(textGuardFormats({ kind: "formulas", address: "A1:B1", cells: [["=A2", "+1"]] })).toEqual([["General", "@"]]);
  });
});
