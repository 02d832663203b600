import fc from "fast-check";
import type { ImportResult } from "../../src/core/import/importTypes";
import { vendorKey } from "../../src/core/import/vendorNames";
import { lookAlikeVendors, mergeVendors } from "../../src/plan/vendorMerge";

const result = (vendors: string[]): ImportResult =>
  ({
    ok: true,
    source: { kind: "paste" },
    shape: "long",
    columns: [],
    unmapped: [],
    accepted: vendors.map((vendor, i) => ({ vendor, code: "1.1", value: i, line: i + 2 })),
    rejected: [],
    counts: {},
    warnings: [],
    vendors: [...new Set(vendors)],
  }) as unknown as ImportResult;

describe("lookAlikeVendors", () => {
  test("a file spelling of a workbook vendor joins it, under the workbook's name", () => {
    expect(lookAlikeVendors(["ACME ", "Gamma", "Ａｃｍｅ"], ["Acme", "Beta"])).toEqual([{ names: ["Acme", "ACME ", "Ａｃｍｅ"], target: "Acme" }]);
  });
  test("spellings only in the file: the first one is the target; zero-width characters count as nothing", () => {
    expect(lookAlikeVendors(["Glo\u200bbex", "Beta", "globex"], ["Beta"])).toEqual([{ names: ["Glo\u200bbex", "globex"], target: "Glo\u200bbex" }]);
  });
  test("no group for exact names, for names only in the workbook, or where two workbook vendors look alike", () => {
    expect(lookAlikeVendors(["Acme", "Beta"], ["Acme", "Beta"])).toEqual([]);
    expect(lookAlikeVendors(["Gamma"], ["Acme", "acme"])).toEqual([]);
    expect(lookAlikeVendors(["ACME"], ["Acme", "acme"])).toEqual([]);
  });
});

describe("mergeVendors", () => {
  const names = fc.constantFrom("Acme", "acme", "ACME ", "Ａｃｍｅ", "Beta", "beta", "Gamma");
  test("property: every rating kept in order; a merged group's ratings carry its target; others untouched", () => {
    fc.assert(
      fc.property(fc.array(names, { maxLength: 30 }), fc.subarray(["Acme", "Beta"]), (file, book) => {
        const imported = result(file);
        const groups = lookAlikeVendors(file, book);
        const merged = mergeVendors(imported, groups);
        expect(merged.accepted.map((r) => [r.code, r.value, r.line])).toEqual(imported.accepted.map((r) => [r.code, r.value, r.line]));
        merged.accepted.forEach((r, i) => {
          const from = imported.accepted[i].vendor;
          const g = groups.find((x) => x.names.includes(from));
          expect(r.vendor).toBe(g ? g.target : from);
          expect(vendorKey(r.vendor)).toBe(vendorKey(from));
        });
        expect(mergeVendors(merged, groups)).toEqual(merged);
        expect(merged.vendors).toEqual([...new Set(merged.accepted.map((r) => r.vendor))]);
      }),
    );
  });
  test("no groups: the very same result", () => {
    const imported = result(["Acme"]);
    expect(mergeVendors(imported, [])).toBe(imported);
  });
});
