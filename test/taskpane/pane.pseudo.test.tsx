/** @jest-environment jsdom */
/**
 * Renders the pane under the pseudo-locale, walks every tab into its busiest state, and fails on
 * any visible text or accessible label with Latin letters that did not come through the dictionary
 * (pseudo strings are wrapped in "[!! … !!]"), except data: vendor, sheet and indicator names.
 */
import { DEFAULT_BANDS } from "../../src/core/award";
import { enabledButton, openTab, renderPane } from "./setup";
import { fireEvent, screen, within } from "@testing-library/react";
import { createDemoPort } from "../../src/demo";
import { allNodes } from "../../src/core/model";
import { publishedTree } from "../../src/taskpane/standard";
import { translator } from "../../src/i18n";

const t = translator("qps-ploc");
const VENDORS = ["Acme", "Beta", "Gamma"];
const SHEETS = ["Ratings", "Weights", "Results", "Charts", "Method"];

function dataWords(): Set<string> {
  const tree = publishedTree();
  // Grade band labels are the workbook's (its Weights band table), data like sheet names.
  const out = new Set<string>([...VENDORS, ...SHEETS, tree.title["en-US"], "n/a?", ...DEFAULT_BANDS.map((b) => b.label["en-US"])]);
  for (const { node } of allNodes(tree)) {
    out.add(node.name["en-US"]);
    out.add(`${node.code} ${node.name["en-US"]}`);
  }
  return out;
}

function unwrapped(root: HTMLElement): string[] {
  const data = dataWords();
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest("style, script, textarea")) continue; // typed input is data
    texts.push(n.textContent ?? "");
  }
  for (const el of Array.from(root.querySelectorAll("[aria-label], [title], [placeholder], [alt]"))) {
    for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
      const v = el.getAttribute(attr);
      if (v) texts.push(v);
    }
  }
  return texts
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z]/.test(s))
    .filter((s) => !/^\[!! [\s\S]* !!\]/.test(s) && !/\[!! [\s\S]* !!\]$/.test(s))
    .filter((s) => !data.has(s))
    .filter((s) => !/^\(?(Weights|Ratings|Results)![A-Z]+\d+\)?$/.test(s))
    .filter((s) => !/^[A-Z]$/.test(s));
}

test("pseudo-locale: no hard-coded strings anywhere in the pane", async () => {
  const port = createDemoPort({ demoRatings: true });
  renderPane(port, { locale: "qps-ploc" });
  const body = document.body;

  // New: create a scorecard with duplicates and empties reported.
  const newPanel = await screen.findByRole("tabpanel", { name: t("tab.new") });
  fireEvent.click(await enabledButton(t("new.create")));
  fireEvent.change(within(newPanel).getByRole("textbox", { name: new RegExp(`^${escape(t("new.vendors"))}`) }), {
    target: { value: "Acme\nBeta, acme\n\nGamma" },
  });
  fireEvent.change(within(newPanel).getByRole("textbox", { name: new RegExp(escape(t("new.raters"))) }), { target: { value: "" } });
  expect(unwrapped(body)).toEqual([]);
  fireEvent.click(within(newPanel).getByRole("button", { name: t("new.create") }));
  await within(newPanel).findByText(/Ratings, Weights, Results, Charts, Method\b/);
  expect(unwrapped(body)).toEqual([]);

  // Weights: select a node, remove one (undo bar), all warnings.
  const weights = await openTab(t("tab.weights"));
  fireEvent.click(within(weights).getByRole("treeitem", { name: /^3 Service/ }));
  fireEvent.click(within(weights).getByRole("treeitem", { name: /^3\.1 / }));
  fireEvent.change(within(weights).getByRole("textbox", { name: new RegExp(escape(t("weights.weight"))) }), { target: { value: "x" } });
  expect(unwrapped(body)).toEqual([]);
  fireEvent.click(within(weights).getByRole("button", { name: t("weights.remove") }));
  expect(unwrapped(body)).toEqual([]);
  fireEvent.click(within(weights).getByRole("button", { name: t("weights.undo") }));
  // Weights → What if…: sliders, flip points, the ranking, rank acceptability, the Apply preview.
  fireEvent.click(within(weights).getByRole("button", { name: t("whatif.open") }));
  const whatIf = await within(weights).findByRole("region", { name: t("whatif.title") });
  const sliders = await within(whatIf).findAllByRole("slider");
  fireEvent.change(sliders[0], { target: { value: "60" } });
  fireEvent.click(within(whatIf).getByRole("button", { name: t("whatif.compute") }));
  await within(whatIf).findByRole("table", { name: t("whatif.acceptability") });
  fireEvent.click(within(whatIf).getByRole("button", { name: t("whatif.apply") }));
  await within(whatIf).findByRole("region", { name: t("pairwise.previewTitle", { sheet: "Weights" }) });
  expect(unwrapped(body)).toEqual([]);
  fireEvent.click(within(whatIf).getByRole("button", { name: t("whatif.close") }));

  // Check: problems, ranking, radar, freeze.
  const check = await openTab(t("tab.check"));
  fireEvent.click(within(check).getByRole("button", { name: t("check.read") }));
  await within(check).findByRole("table");
  fireEvent.click(within(check).getByRole("button", { name: t("check.showRadar") }));
  await within(check).findByRole("img");
  fireEvent.click(within(check).getByRole("button", { name: t("check.freeze") }));
  await within(check).findByText(/Results \d{4}-\d\d-\d\d/);
  expect(unwrapped(body)).toEqual([]);

  // Import: paste with a rejected line, a new vendor, a conflict and an unmapped column; write; list.
  const imp = await openTab(t("tab.import"));
  fireEvent.change(within(imp).getByRole("textbox", { name: t("import.paste") }), {
    target: { value: "Vendor\tIndicator\tScore\tZzz\nAcme\t1.1\t80\tq\nDelta\t1.2\t70\tq\nAcme\tnonsense\t5\tq\n" },
  });
  fireEvent.click(within(imp).getByRole("button", { name: t("import.readPaste") }));
  await within(imp).findByRole("radio", { name: t("import.choice.overwrite") });
  expect(unwrapped(body)).toEqual([]);
  fireEvent.click(within(imp).getByRole("button", { name: t("import.write", { count: 1 }) }));
  await within(imp).findByText(new RegExp(escape(t("import.doneVendors", { names: "Delta" }))));
  fireEvent.click(within(imp).getByRole("button", { name: t("import.history.show") }));
  await within(imp).findByRole("button", { name: t("import.undo") });
  expect(unwrapped(body)).toEqual([]);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
