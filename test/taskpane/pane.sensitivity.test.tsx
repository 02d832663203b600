/** @jest-environment jsdom */
import { enabledButton, hasLabel, modelOf, moderationAt, openTab, planOf, renderPane, typeRatings } from "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createDemoPort, type DemoPort } from "../../src/demo";
import { evaluateAward } from "../../src/core/award";
import { compileTree, score, toCube } from "../../src/core/engine";
import { allNodes } from "../../src/core/model";
import type { IndicatorTree } from "../../src/core/model/types";
import { analyseSensitivity, bootstrapRaters, DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_SPREAD, flipPoints, rankAcceptability, weightModelOf, withNodeWeight } from "../../src/core/sensitivity";
import type { WorkbookSnapshot } from "../../src/port";
import { buildPlan } from "../../src/plan";
import { publishedTree } from "../../src/taskpane/standard";
import { translator } from "../../src/i18n";

const en = translator("en-US");
const zh = translator("zh-CN");
/** Creating a workbook takes a few seconds on a busy machine. */
const SLOW = { timeout: 15000 };

function typeVendors(name: RegExp, text: string): void {
  fireEvent.change(screen.getByRole("textbox", { name }), { target: { value: text } });
}

describe("New tab: the Sensitivity sheet", () => {
  test("none unless asked; \"Add\" creates it and the model records it (en-US)", async () => {
    const port = createDemoPort();
    renderPane(port);
    const panel = screen.getByRole("tabpanel", { name: en("tab.new") });
    const select = within(panel).getByRole("combobox", { name: en("new.sensitivity") });
    expect(hasLabel(select)).toBe(true);
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["None", "Add the Sensitivity sheet"]);
    typeVendors(/^Vendors/, "Acme, Beta");
    fireEvent.click(await enabledButton(en("new.create")));
    await screen.findByText(/Scorecard created/, {}, SLOW);
    expect(port.excel.sheets.map((s) => s.name)).not.toContain("Sensitivity");
    expect(modelOf(port).sensitivity).toBeUndefined();
    fireEvent.change(select, { target: { value: "add" } });
    fireEvent.click(await enabledButton(en("new.create")));
    await waitFor(() => expect(port.excel.sheets.map((s) => s.name)).toContain("Sensitivity"), SLOW);
    expect(modelOf(port).sensitivity).toBe(true);
    // Re-creating with "None" keeps it, as the hint says.
    fireEvent.change(select, { target: { value: "none" } });
    typeVendors(/^Vendors/, "Acme, Beta, Gamma");
    fireEvent.click(await enabledButton(en("new.create")));
    await waitFor(() => expect(modelOf(port).vendors).toEqual(["Acme", "Beta", "Gamma"]), SLOW);
    expect(port.excel.sheets.map((s) => s.name)).toContain("Sensitivity");
  });

  test("in Chinese: the option and the sheet are Chinese", async () => {
    const port = createDemoPort();
    renderPane(port, { locale: "zh-CN" });
    const select = await screen.findByRole("combobox", { name: zh("new.sensitivity") });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["不添加", "添加敏感性工作表"]);
    fireEvent.change(select, { target: { value: "add" } });
    typeVendors(new RegExp(`^${zh("new.vendors")}`), "甲公司\n乙公司");
    fireEvent.click(await enabledButton(zh("new.create")));
    await waitFor(() => expect(port.excel.sheets.map((s) => s.name)).toContain("敏感性"), SLOW);
    expect(port.excel.cell("敏感性", "A1")?.value).toBe("第一名有多稳？");
  });
});

// ——— Weights → "What if…" ———

/** Where the Weights sheet keeps a code's weight, and what it holds. */
function weightAt(port: DemoPort, code: string): unknown {
  const { layout } = planOf(port);
  const row = layout.weights.rows.find((r) => r.code === code)?.row;
  return port.excel.cell(layout.sheetNames.weights as string, `${layout.weights.weightColumn}${row}`)?.value ?? null;
}

/**
 * Acme is strong on dimension 1 (90 against 40), Beta on the others (70 against 50): Acme's total is
 * 50 + 40·w1 and Beta's 70 − 30·w1, so Acme leads at w1 = 30/90 and loses first place below 2/7.
 */
async function contest(locale: "en-US" | "zh-CN" = "en-US"): Promise<DemoPort> {
  const port = createDemoPort();
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta"], raters: [], locale, missing: "exclude" });
  const entries: [string, string, number][] = [];
  for (const { node } of allNodes(publishedTree())) {
    if (node.children.length > 0) continue;
    const first = node.code.startsWith("1.");
    entries.push(["Acme", node.code, first ? 90 : 50], ["Beta", node.code, first ? 40 : 70]);
  }
  typeRatings(port, entries);
  return port;
}

/** The engine's leader when the dimension `code` weighs x (a fraction), the others rescaled as flipPoints rescales them. */
function leaderAt(tree: IndicatorTree, snapshot: WorkbookSnapshot, code: string, x: number): string {
  const m = weightModelOf(tree, snapshot.scores);
  const w = withNodeWeight(m, m.tree.codes.indexOf(code), x);
  const moved = { ...tree, roots: tree.roots.map((r) => ({ ...r, weight: w[m.tree.codes.indexOf(r.code)] * 100 })) };
  const result = score(moved, snapshot.ratings, { missing: snapshot.missing, vendors: snapshot.vendors });
  return result.vendors.find((v) => v.rank === 1)?.vendor ?? "";
}

async function openWhatIf(tr: typeof en): Promise<HTMLElement> {
  const panel = await openTab(tr("tab.weights"));
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: tr("whatif.open") }));
  });
  const view = await within(panel).findByRole("region", { name: tr("whatif.title") }, SLOW);
  await within(view).findAllByRole("slider", {}, SLOW);
  return view;
}

const pct1 = (x: number): string => String(Math.round(x * 1000) / 10);

describe("Weights → What if…", () => {
  jest.setTimeout(60000);

  test("sliders re-rank with the engine, flip points as flipPoints gives them, rank acceptability seeded, Apply writes the Weights sheet and the Import tab undoes it", async () => {
    const port = await contest();
    const snapshot = (await port.readWorkbook()) as WorkbookSnapshot;
    const tree = snapshot.tree;
    const fp = flipPoints(weightModelOf(tree, snapshot.scores));
    expect(fp.leader).toBe("Acme");
    const f1 = fp.flips.find((f) => f.code === "1" && f.parent === null) as NonNullable<(typeof fp.flips)[number]>;
    expect(f1.rival).toBe("Beta");
    expect(f1.flipAt).toBeCloseTo(2 / 7, 9);

    renderPane(port);
    const view = await openWhatIf(en);
    // Nothing moved yet: every dimension's flip point as the core has it.
    for (const r of tree.roots) {
      const f = fp.flips.find((x) => x.code === r.code && x.parent === null);
      const text = f?.flipAt === null || f === undefined ? en("whatif.noFlip") : en("whatif.flip", { leader: "Acme", from: pct1(f.stableFrom), to: pct1(f.stableTo), at: pct1(f.flipAt), rival: f.rival ?? "" });
      expect(within(view).getByTestId(`whatif-flip-${r.code}`).textContent).toBe(text);
    }
    expect(within(view).getByRole("status").textContent).toBe(en("whatif.leader", { leader: "Acme" }));

    // Dimension 1 just above and just below its flip point (on the slider's 0.5 % steps).
    const slider = within(view).getByRole("slider", { name: en("whatif.slider", { name: "1 Product" }) });
    const flipPct = (f1.flipAt as number) * 100;
    const above = Math.ceil(flipPct * 2) / 2;
    const below = Math.floor(flipPct * 2) / 2;
    expect([leaderAt(tree, snapshot, "1", above / 100), leaderAt(tree, snapshot, "1", below / 100)]).toEqual(["Acme", "Beta"]);
    const firstRow = (): string => (within(within(view).getByRole("table", { name: en("whatif.ranking") })).getAllByRole("row")[1].textContent ?? "");
    fireEvent.change(slider, { target: { value: String(above) } });
    expect(within(view).getByRole("status").textContent).toBe(en("whatif.leader", { leader: "Acme" }));
    fireEvent.change(slider, { target: { value: String(below) } });
    expect(within(view).getByRole("status").textContent).toBe(en("whatif.leader", { leader: "Beta" }));
    expect(firstRow()).toMatch(/^1Beta/);
    // The other dimensions were rescaled in proportion: dimension 2 keeps its share of the rest.
    const w = withNodeWeight(weightModelOf(tree, snapshot.scores), 0, below / 100);
    const m0 = weightModelOf(tree, snapshot.scores);
    const i2 = m0.tree.codes.indexOf("2");
    const dim2 = within(view).getByRole("group", { name: "2 Technology" });
    expect(within(dim2).getByText(en("whatif.value", { weight: pct1(w[i2]), now: pct1(m0.base[i2]) }))).toBeTruthy();
    // Beta now leads: the flip points are Beta's, from the moved weights.
    const movedTree = { ...tree, roots: tree.roots.map((r) => ({ ...r, weight: w[m0.tree.codes.indexOf(r.code)] * 100 })) };
    const movedModel = weightModelOf(movedTree, score(movedTree, snapshot.ratings, { missing: snapshot.missing, vendors: snapshot.vendors }));
    const fpMoved = flipPoints(movedModel);
    const g1 = fpMoved.flips.find((f) => f.code === "1" && f.parent === null) as NonNullable<(typeof fp.flips)[number]>;
    expect(within(view).getByTestId("whatif-flip-1").textContent).toBe(en("whatif.flip", { leader: "Beta", from: pct1(g1.stableFrom), to: pct1(g1.stableTo), at: pct1(g1.flipAt as number), rival: "Acme" }));

    // Rank acceptability at these weights: the core's seeded figures.
    fireEvent.click(within(view).getByRole("button", { name: en("whatif.compute") }));
    const acc = rankAcceptability(movedModel, { samples: DEFAULT_SAMPLES, spread: DEFAULT_SPREAD, seed: DEFAULT_SEED });
    const accTable = within(view).getByRole("table", { name: en("whatif.acceptability") });
    for (const v of acc.vendors) {
      const row = within(accTable).getByText(v.vendor).closest("tr") as HTMLElement;
      expect(row.textContent).toContain(en("whatif.share", { share: pct1(v.firstShare), se: (v.standardError * 100).toFixed(2) }));
    }
    expect(acc.vendors.find((v) => v.vendor === "Beta")?.firstShare).toBeGreaterThan(0);
    // Moving a weight makes the figures stale.
    fireEvent.change(slider, { target: { value: String(below - 0.5) } });
    expect(within(view).queryByRole("table", { name: en("whatif.acceptability") })).toBeNull();
    expect(within(view).getByText(en("whatif.stale"))).toBeTruthy();
    fireEvent.change(slider, { target: { value: String(below) } });

    // Apply: nothing written before; the preview; the write; the pane's tree follows.
    const before = tree.roots.map((r) => weightAt(port, r.code));
    expect(before).toEqual([30, 20, 20, 10, 10, 10].slice(0, tree.roots.length));
    await act(async () => {
      fireEvent.click(within(view).getByRole("button", { name: en("whatif.apply") }));
    });
    const preview = await within(view).findByRole("region", { name: en("pairwise.previewTitle", { sheet: "Weights" }) });
    expect(weightAt(port, "1")).toBe(30);
    await act(async () => {
      fireEvent.click(within(preview).getByRole("button", { name: en("pairwise.apply") }));
    });
    await within(view).findByText(new RegExp(`weight\\(s\\) written to the Weights sheet`), {}, SLOW);
    const written = tree.roots.map((r) => weightAt(port, r.code) as number);
    expect(written[0]).toBe(below);
    expect(Math.round(written.reduce((s, x) => s + x, 0) * 100)).toBe(10000);
    tree.roots.forEach((r, i) => expect(Math.abs(written[i] - w[m0.tree.codes.indexOf(r.code)] * 100)).toBeLessThanOrEqual(0.01));
    expect(((await port.readWorkbook()) as WorkbookSnapshot).scores.vendors.find((v) => v.rank === 1)?.vendor).toBe("Beta");

    // Undo from the Import tab's list: the weights as they were.
    const importPanel = await openTab(en("tab.import"));
    await act(async () => {
      fireEvent.click(within(importPanel).getByRole("button", { name: en("import.history.show") }));
    });
    const undo = await within(importPanel).findByRole("button", { name: en("import.undo") }, SLOW);
    await act(async () => {
      fireEvent.click(undo);
    });
    await waitFor(() => expect(weightAt(port, "1")).toBe(30), SLOW);
    expect(tree.roots.map((r) => weightAt(port, r.code))).toEqual(before);
  });

  test("with a Price sheet: ranked on the award's overall score, flip points in the award's contest, re-decided with src/core/award as a weight moves", async () => {
    const port = await contest();
    const model = modelOf(port);
    await port.createWorkbook({ tree: model.tree, vendors: model.vendors, raters: [], locale: "en-US", missing: "exclude", award: { price: { weight: 20, method: "lowest", lowBidThreshold: 20 } } });
    const A = buildPlan({ tree: model.tree, vendors: model.vendors, options: model.options, award: { settings: modelOf(port).award ?? {} } }).layout.award?.price;
    if (!A) throw new Error("no price layout");
    port.excel.put(A.sheet, `${A.bidColumn}${A.firstRow}`, [[1_000_000]]);
    port.excel.put(A.sheet, `${A.bidColumn}${A.firstRow + 1}`, [[800_000]]);
    const snapshot = (await port.readWorkbook()) as WorkbookSnapshot;
    const award = snapshot.award as NonNullable<WorkbookSnapshot["award"]>;
    // Price turns it: Beta's lower bid puts it first although Acme leads on quality.
    expect(award.vendors.find((v) => v.rank === 1)?.vendor).toBe("Beta");
    expect(snapshot.scores.vendors.find((v) => v.rank === 1)?.vendor).toBe("Acme");
    const report = analyseSensitivity(snapshot.tree, snapshot.scores, { award, priceWeight: 0.2, samples: 1 });
    const f1 = report.flips.find((f) => f.code === "1" && f.parent === null) as NonNullable<(typeof report.flips)[number]>;
    expect([report.leader, f1.rival]).toEqual(["Beta", "Acme"]);

    renderPane(port);
    const view = await openWhatIf(en);
    expect(within(view).getByRole("status").textContent).toBe(en("whatif.leader", { leader: "Beta" }));
    expect(within(view).getByText(en("whatif.award"))).toBeTruthy();
    expect(within(view).getByTestId("whatif-flip-1").textContent).toBe(en("whatif.flip", { leader: "Beta", from: pct1(f1.stableFrom), to: pct1(f1.stableTo), at: pct1(f1.flipAt as number), rival: "Acme" }));

    // Past the flip point: the award decided again on the moved weights.
    const past = Math.ceil((f1.flipAt as number) * 200) / 2 + 0.5;
    fireEvent.change(within(view).getByRole("slider", { name: en("whatif.slider", { name: "1 Product" }) }), { target: { value: String(past) } });
    const m = weightModelOf(snapshot.tree, snapshot.scores);
    const w = withNodeWeight(m, m.tree.codes.indexOf("1"), past / 100);
    const moved = { ...snapshot.tree, roots: snapshot.tree.roots.map((r) => ({ ...r, weight: w[m.tree.codes.indexOf(r.code)] * 100 })) };
    const decided = evaluateAward(moved, score(moved, snapshot.ratings, { missing: snapshot.missing, vendors: snapshot.vendors }), { settings: { bands: award.bands, ...(award.price ? { price: award.price } : {}) }, bids: { Acme: 1_000_000, Beta: 800_000 } });
    const first = decided.vendors.find((v) => v.rank === 1) as NonNullable<(typeof decided.vendors)[number]>;
    expect(first.vendor).toBe("Acme");
    expect(within(view).getByRole("status").textContent).toBe(en("whatif.leader", { leader: "Acme" }));
    const rows = within(within(view).getByRole("table", { name: en("whatif.ranking") })).getAllByRole("row");
    expect(rows[1].textContent).toBe(`1Acme${(first.overall as number).toFixed(1)}2`);
  });

  test("zh-CN: Reset returns to the workbook's weights; the texts are Chinese", async () => {
    const port = await contest("zh-CN");
    renderPane(port, { locale: "zh-CN" });
    const view = await openWhatIf(zh);
    const snapshot = (await port.readWorkbook()) as WorkbookSnapshot;
    const name = `1 ${snapshot.tree.roots[0].name["zh-CN"]}`;
    const slider = within(view).getByRole("slider", { name: zh("whatif.slider", { name }) });
    const reset = within(view).getByRole("button", { name: zh("whatif.reset") });
    expect(reset.hasAttribute("disabled")).toBe(true);
    fireEvent.change(slider, { target: { value: "10" } });
    expect(within(view).getByRole("status").textContent).toBe(zh("whatif.leader", { leader: "Beta" }));
    expect(reset.hasAttribute("disabled")).toBe(false);
    fireEvent.click(reset);
    expect(within(view).getByRole("status").textContent).toBe(zh("whatif.leader", { leader: "Acme" }));
    const m = weightModelOf(snapshot.tree, snapshot.scores);
    expect(Number((slider as HTMLInputElement).value)).toBeCloseTo(m.base[m.tree.codes.indexOf("1")] * 100, 9);
    // Nothing was written.
    expect(weightAt(port, "1")).toBe(30);
  });
});

// ——— What if…: a chosen group's children; a panel's raters resampled ———

/**
 * Within 2.1 (four indicators of blank weight, 25 % each) Acme is strong on 2.1.1 (90 against 40),
 * Beta on the other three (70 against 50); everything else is rated 60 by both. 2.1's score is
 * 40 + 50·w for Acme and 70 − 30·w for Beta (w: 2.1.1's share), so Beta leads at 25 % and Acme
 * takes first place above 37.5 %.
 */
async function groupContest(): Promise<DemoPort> {
  const port = createDemoPort();
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta"], raters: [], locale: "en-US", missing: "exclude" });
  const entries: [string, string, number][] = [];
  for (const { node } of allNodes(publishedTree())) {
    if (node.children.length > 0) continue;
    const [a, b] = node.code === "2.1.1" ? [90, 40] : node.code.startsWith("2.1.") ? [40, 70] : [60, 60];
    entries.push(["Acme", node.code, a], ["Beta", node.code, b]);
  }
  typeRatings(port, entries);
  return port;
}

function chooseGroup(view: HTMLElement, label: string): void {
  const select = within(view).getByRole("combobox", { name: en("whatif.group") });
  const option = within(select).getAllByRole("option").find((o) => o.textContent === label) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
}

describe("What if…: a group's children, a panel's raters", () => {
  jest.setTimeout(60000);

  test("a sub-dimension's indicators: flip points as flipPoints gives them, re-ranked past the flip, Apply writes that group's weight cells and the Import tab undoes it", async () => {
    const port = await groupContest();
    const snapshot = (await port.readWorkbook()) as WorkbookSnapshot;
    const tree = snapshot.tree;
    const m0 = weightModelOf(tree, snapshot.scores);
    const fp = flipPoints(m0);
    const f = fp.flips.find((x) => x.code === "2.1.1" && x.parent === "2.1") as NonNullable<(typeof fp.flips)[number]>;
    expect([fp.leader, f.rival, f.weight]).toEqual(["Beta", "Acme", 0.25]);
    expect(f.flipAt).toBeCloseTo(0.375, 9);
    const kids = ["2.1.1", "2.1.2", "2.1.3", "2.1.4"];
    const before = kids.map((c) => weightAt(port, c));
    expect(before).toEqual([null, null, null, null]);

    renderPane(port);
    const view = await openWhatIf(en);
    const select = within(view).getByRole("combobox", { name: en("whatif.group") });
    // The dimensions, then every node with two or more children, in tree order.
    const groups = [null, ...allNodes(tree).filter((n) => n.node.children.length >= 2).map((n) => n.node)];
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(groups.map((g) => (g === null ? en("weights.groupTop") : en("weights.groupUnder", { name: `${g.code} ${g.name["en-US"]}` }))));
    // A dimension moved, then another group chosen: it starts again from the workbook's weights.
    fireEvent.change(within(view).getByRole("slider", { name: en("whatif.slider", { name: "1 Product" }) }), { target: { value: "60" } });
    chooseGroup(view, en("weights.groupUnder", { name: "2.1 Core technical capability" }));
    expect(within(view).getAllByRole("slider")).toHaveLength(4);
    expect(within(view).queryByRole("slider", { name: en("whatif.slider", { name: "1 Product" }) })).toBeNull();
    expect(within(view).getByRole("status").textContent).toBe(en("whatif.leader", { leader: "Beta" }));
    for (const code of kids) {
      const g = fp.flips.find((x) => x.code === code && x.parent === "2.1") as NonNullable<(typeof fp.flips)[number]>;
      const text = g.flipAt === null ? en("whatif.noFlip") : en("whatif.flip", { leader: "Beta", from: pct1(g.stableFrom), to: pct1(g.stableTo), at: pct1(g.flipAt), rival: g.rival ?? "" });
      expect(within(view).getByTestId(`whatif-flip-${code}`).textContent).toBe(text);
    }
    expect(within(view).getByTestId("whatif-flip-2.1.1").textContent).toBe(en("whatif.flip", { leader: "Beta", from: "0", to: "37.5", at: "37.5", rival: "Acme" }));

    // Just below the flip Beta stays first; just above Acme leads, with 2.1's others rescaled in proportion.
    const slider = within(view).getByRole("slider", { name: en("whatif.slider", { name: "2.1.1 Stability" }) });
    fireEvent.change(slider, { target: { value: "37" } });
    expect(within(view).getByRole("status").textContent).toBe(en("whatif.leader", { leader: "Beta" }));
    fireEvent.change(slider, { target: { value: "38" } });
    expect(within(view).getByRole("status").textContent).toBe(en("whatif.leader", { leader: "Acme" }));
    const w = withNodeWeight(m0, m0.tree.codes.indexOf("2.1.1"), 0.38);
    const i2 = m0.tree.codes.indexOf("2.1.2");
    expect(within(within(view).getByRole("group", { name: "2.1.2 Smoothness" })).getByText(en("whatif.value", { weight: pct1(w[i2]), now: "25" }))).toBeTruthy();
    // The ranking is the engine's on the moved tree.
    const moved = { ...tree, roots: tree.roots.map((r) => (r.code !== "2" ? r : { ...r, children: r.children.map((c) => (c.code !== "2.1" ? c : { ...c, children: c.children.map((k) => ({ ...k, weight: w[m0.tree.codes.indexOf(k.code)] * 100 })) })) })) };
    const rescored = score(moved, snapshot.ratings, { missing: snapshot.missing, vendors: snapshot.vendors });
    const acme = rescored.vendors.find((v) => v.vendor === "Acme") as NonNullable<(typeof rescored.vendors)[number]>;
    expect(acme.rank).toBe(1);
    expect(within(within(view).getByRole("table", { name: en("whatif.ranking") })).getAllByRole("row")[1].textContent).toBe(`1Acme${(acme.total as number).toFixed(1)}2`);

    // Apply writes 2.1's four weight cells (blank before) and nothing else.
    const dims = tree.roots.map((r) => weightAt(port, r.code));
    await act(async () => {
      fireEvent.click(within(view).getByRole("button", { name: en("whatif.apply") }));
    });
    const preview = await within(view).findByRole("region", { name: en("pairwise.previewTitle", { sheet: "Weights" }) });
    expect(weightAt(port, "2.1.1")).toBeNull();
    await act(async () => {
      fireEvent.click(within(preview).getByRole("button", { name: en("pairwise.apply") }));
    });
    await within(view).findByText(new RegExp(`weight\\(s\\) written to the Weights sheet`), {}, SLOW);
    const written = kids.map((c) => weightAt(port, c) as number);
    expect(written[0]).toBe(38);
    kids.forEach((c, k) => expect(Math.abs(written[k] - w[m0.tree.codes.indexOf(c)] * 100)).toBeLessThanOrEqual(0.01));
    expect(Math.round(written.reduce((s, x) => s + x, 0) * 100)).toBe(10000);
    expect(tree.roots.map((r) => weightAt(port, r.code))).toEqual(dims);
    expect(((await port.readWorkbook()) as WorkbookSnapshot).scores.vendors.find((v) => v.rank === 1)?.vendor).toBe("Acme");
    // The view now counts the written weights as the workbook's: nothing left to reset.
    expect(within(view).getByRole("button", { name: en("whatif.reset") }).hasAttribute("disabled")).toBe(true);

    // Undo from the Import tab: the cells blank again.
    const importPanel = await openTab(en("tab.import"));
    await act(async () => {
      fireEvent.click(within(importPanel).getByRole("button", { name: en("import.history.show") }));
    });
    const undo = await within(importPanel).findByRole("button", { name: en("import.undo") }, SLOW);
    await act(async () => {
      fireEvent.click(undo);
    });
    await waitFor(() => expect(weightAt(port, "2.1.1")).toBeNull(), SLOW);
    expect(kids.map((c) => weightAt(port, c))).toEqual(before);
  });

  test("a panel: the raters resampled in slices give the core's seeded bootstrap; Cancel stops it; a consensus on Moderation holds in every sample", async () => {
    const port = createDemoPort();
    const raters = ["Ann", "Bo", "Cy"];
    await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta", "Gamma"], raters, locale: "en-US", missing: "exclude" });
    // Ann favours Acme, Bo Beta, Cy Gamma a little: who rated decides the winner.
    const entries: [string, string, number, string][] = [];
    const codes = allNodes(publishedTree()).filter((n) => n.node.children.length === 0).map((n) => n.node.code);
    codes.forEach((code, k) => {
      raters.forEach((rater, r) => {
        ["Acme", "Beta", "Gamma"].forEach((vendor, v) => entries.push([vendor, code, 60 + (v === r ? (r === 2 ? 8 : 15) : 0) + ((k * 7 + v * 3 + r) % 5), rater]));
      });
    });
    typeRatings(port, entries);
    const snapshot = (await port.readWorkbook()) as WorkbookSnapshot;
    const tree = snapshot.tree;
    const core = bootstrapRaters(compileTree(tree), toCube(tree, snapshot.ratings), { missing: snapshot.missing, vendors: snapshot.scores.vendors.map((v) => v.vendor) }, { samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED });
    expect(core.vendors.filter((v) => v.firstShare > 0).length).toBeGreaterThanOrEqual(2);

    renderPane(port);
    const view = await openWhatIf(en);
    const section = within(view).getByRole("region", { name: en("whatif.bootstrap") });
    expect(within(section).getByText(en("whatif.bootstrapIntro", { samples: DEFAULT_SAMPLES.toLocaleString("en-US"), raters: 3, seed: DEFAULT_SEED }))).toBeTruthy();
    // Started and cancelled at once: a progress bar, then nothing.
    fireEvent.click(within(section).getByRole("button", { name: en("whatif.bootstrapCompute") }));
    expect(within(section).getByRole("progressbar")).toBeTruthy();
    fireEvent.click(within(section).getByRole("button", { name: en("task.cancel") }));
    expect(within(section).queryByRole("progressbar")).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(within(section).queryByRole("table")).toBeNull();

    // Run to the end: the core's figures with the same seed.
    fireEvent.click(within(section).getByRole("button", { name: en("whatif.bootstrapCompute") }));
    const table = await within(section).findByRole("table", { name: en("whatif.bootstrap") }, SLOW);
    for (const v of core.vendors) {
      const row = within(table).getByText(v.vendor).closest("tr") as HTMLElement;
      const range = v.bestRank === v.worstRank ? String(v.bestRank) : en("whatif.range", { best: v.bestRank ?? "", worst: v.worstRank ?? "" });
      expect(row.textContent).toBe(`${v.vendor}${en("whatif.share", { share: pct1(v.firstShare), se: (v.standardError * 100).toFixed(2) })}${range}`);
    }
    expect(within(section).getByRole("button", { name: en("whatif.bootstrapCompute") }).hasAttribute("disabled")).toBe(true);

    // The panel agrees Gamma deserves 100 throughout: Gamma is first whoever rated.
    for (const code of codes) {
      const at = moderationAt(port, "Gamma", code, "consensus");
      port.excel.put(at.sheet, at.address, [[100]]);
      const why = moderationAt(port, "Gamma", code, "reason");
      port.excel.put(why.sheet, why.address, [["agreed in the panel meeting"]]);
    }
    await act(async () => {
      fireEvent.click(within(view).getByRole("button", { name: en("whatif.reread") }));
    });
    const again = await within(view).findByRole("region", { name: en("whatif.bootstrap") }, SLOW);
    fireEvent.click(within(again).getByRole("button", { name: en("whatif.bootstrapCompute") }));
    const agreed = await within(again).findByRole("table", { name: en("whatif.bootstrap") }, SLOW);
    expect((within(agreed).getByText("Gamma").closest("tr") as HTMLElement).textContent).toBe(`Gamma${en("whatif.share", { share: "100", se: "0.00" })}1`);
  });
});
