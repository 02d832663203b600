import { readFileSync } from "fs";
import { join } from "path";
import type { ImportResult } from "../../src/core/import";
import { defaultTree, leaves, type IndicatorTree } from "../../src/core/model";

export const tree: IndicatorTree = defaultTree();
export const leafCodes: string[] = leaves(tree).map((l) => l.node.code);
export const FIXTURES = join(__dirname, "..", "fixtures", "import");

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** The identities every import must satisfy. */
export function expectAccounting(r: ImportResult): void {
  const c = r.counts;
  expect(c.accepted).toBe(r.accepted.length);
  expect(c.rejected).toBe(r.rejected.length);
  expect(c.read).toBe(c.accepted + c.rejected);
  if (c.unit === "row") expect(c.read).toBe(c.dataRows);
  else {
    const leafColumns = r.columns.filter((col) => col.role === "leaf").length;
    expect(c.read + c.blankCells).toBe(c.dataRows * leafColumns);
  }
}

export function en(r: { message: { "en-US": string } }): string {
  return r.message["en-US"];
}
