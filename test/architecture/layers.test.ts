/**
 * The layers run one way: core (model → engine → import) → plan → port (the pane ↔ workbook
 * contract) → writers (xlsx, the Excel adapter) → the task pane; the CLI sits beside the pane.
 * Nothing imports a room above it, and no files import each other in a circle.
 */
import { join } from "path";
import { cycles, importGraph, type ImportEdge } from "./importGraph";

const SRC = join(__dirname, "..", "..", "src");

/** Each room and the rooms it may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  "core/model": [],
  "core/engine": ["core/model"],
  "core/import": ["core/model", "core/engine"],
  "core/ahp": ["core/model"],
  "core/maturity": ["core/model"],
  "core/award": ["core/model", "core/engine"],
  "core/sensitivity": ["core/model", "core/engine", "core/award"],
  i18n: ["core/model"],
  plan: ["core/model", "core/engine", "core/import", "core/ahp", "core/maturity", "core/award", "core/sensitivity"],
  port: ["core/model", "core/engine", "core/import", "core/ahp", "core/maturity", "core/award", "core/sensitivity", "plan"],
  xlsx: ["core/model", "core/engine", "core/import", "core/ahp", "core/maturity", "core/award", "core/sensitivity", "plan"],
  excel: ["core/model", "core/engine", "core/import", "core/ahp", "core/maturity", "core/award", "core/sensitivity", "plan", "port", "xlsx"],
  demo: ["core/model", "core/engine", "core/import", "core/ahp", "core/maturity", "core/award", "core/sensitivity", "plan", "port", "xlsx", "excel"],
  taskpane: ["core/model", "core/engine", "core/import", "core/ahp", "core/maturity", "core/award", "core/sensitivity", "plan", "port", "xlsx", "excel", "demo", "i18n"],
  cli: ["core/model", "core/engine", "core/import", "core/ahp", "core/maturity", "core/award", "core/sensitivity", "plan", "xlsx"],
};

function roomOf(path: string): string {
  const parts = path.split("/").slice(1); // drop "src"
  const room = parts[0] === "core" ? `core/${parts[1]}` : parts[0];
  if (!(room in ALLOWED)) throw new Error(`${path}: in no known room (add it to ALLOWED)`);
  return room;
}

const edges = importGraph(SRC);

const where = (e: ImportEdge): string => `${e.from}:${e.line} → ${e.to}`;

test("the graph is read (sanity: known edges are found)", () => {
  expect(edges.length).toBeGreaterThan(200);
  expect(edges.some((e) => e.from === "src/taskpane/portFactory.ts" && e.to === "src/excel/index.ts")).toBe(true);
});

test("no room imports a room above it", () => {
  const upward = edges.filter((e) => {
    const from = roomOf(e.from);
    const to = roomOf(e.to);
    return from !== to && !ALLOWED[from].includes(to);
  });
  expect(upward.map(where)).toEqual([]);
});

test("no import cycles", () => {
  expect(cycles(edges)).toEqual([]);
});

describe("the checks can fail", () => {
  test("an upward edge is reported", () => {
    expect(ALLOWED[roomOf("src/excel/port.ts")].includes(roomOf("src/taskpane/hooks.ts"))).toBe(false);
  });
  test("a cycle is found", () => {
    const e = (from: string, to: string): ImportEdge => ({ from, to, line: 1 });
    expect(cycles([e("a", "b"), e("b", "c"), e("c", "a"), e("c", "d")])).toEqual([["a", "b", "c"]]);
    expect(cycles([e("a", "a")])).toEqual([["a"]]);
    expect(cycles([e("a", "b"), e("b", "c")])).toEqual([]);
  });
});
