/** @jest-environment jsdom */
import { enabledButton, hasLabel, modelOf, openTab, planOf, renderPane } from "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createDemoPort, officeError } from "../../src/demo";
import { publishedTree } from "../../src/taskpane/standard";

function openWeights(): Promise<HTMLElement> {
  return openTab("Weights");
}

function item(panel: HTMLElement, name: RegExp): HTMLElement {
  return within(panel).getByRole("treeitem", { name });
}

async function setup(port = createDemoPort()): Promise<HTMLElement> {
  renderPane(port);
  await screen.findByRole("tab", { name: "Weights" });
  return openWeights();
}

test("the published standard's two wrong sums are warned about, each with its own rescale", async () => {
  const panel = await setup();
  expect(within(panel).getByTestId("weights-warning-top").textContent).toContain("Dimension weights sum to 90%");
  expect(within(panel).getByTestId("weights-warning-3").textContent).toContain("Weights under “3 Service” sum to 110%");
  expect(within(panel).getByText("Dimension weights: 90%")).toBeTruthy();
  expect(within(panel).getByRole("tree", { name: "Indicator tree" })).toBeTruthy();
  // Each group shows its children's sum in the tree.
  expect(item(panel, /^3 Service/).textContent).toContain("Sum 110%");
  expect(item(panel, /^1 Product/).textContent).toContain("Sum 100%");
});

test("Rescale to 100% fixes one group; Rescale all fixes the rest", async () => {
  const panel = await setup();
  fireEvent.click(within(panel).getByRole("button", { name: "Rescale to 100%: Weights under “3 Service”" }));
  expect(within(panel).queryByTestId("weights-warning-3")).toBeNull();
  expect(item(panel, /^3 Service/).textContent).toContain("Sum 100%");
  expect(within(panel).getByTestId("weights-warning-top")).toBeTruthy();
  fireEvent.click(within(panel).getByRole("button", { name: "Rescale to 100%: Dimension weights" }));
  expect(within(panel).getByText("Every weight group adds up to 100%.")).toBeTruthy();
  expect(within(panel).getByText("Dimension weights: 100%")).toBeTruthy();
  // 30 / 90 → 33.3%
  expect(item(panel, /^1 Product/).textContent).toContain("33.3%");
});

test("rescale all at once", async () => {
  const panel = await setup();
  fireEvent.click(within(panel).getByRole("button", { name: "Rescale all groups to 100%" }));
  expect(within(panel).getByText("Every weight group adds up to 100%.")).toBeTruthy();
});

test("select, rename in both languages, re-weight with the sum updating live, invalid weight refused", async () => {
  const panel = await setup();
  fireEvent.click(item(panel, /^3 Service/));
  fireEvent.click(item(panel, /^3\.1 /));
  const editor = within(panel).getByRole("region", { name: "Selected indicator 3.1" });
  for (const el of within(editor).getAllByRole("textbox")) expect(hasLabel(el)).toBe(true);
  fireEvent.change(within(editor).getByRole("textbox", { name: /English name/ }), { target: { value: "Onboarding" } });
  fireEvent.change(within(editor).getByRole("textbox", { name: /Chinese name/ }), { target: { value: "上线服务" } });
  expect(item(panel, /^3\.1 Onboarding/)).toBeTruthy();
  fireEvent.change(within(editor).getByRole("textbox", { name: /Weight/ }), { target: { value: "10" } });
  expect(item(panel, /^3 Service/).textContent).toContain("Sum 100%");
  expect(within(panel).queryByTestId("weights-warning-3")).toBeNull();
  fireEvent.change(within(editor).getByRole("textbox", { name: /Weight/ }), { target: { value: "ten" } });
  expect(within(editor).getByText("Enter a number of 0 or more, or leave it empty.")).toBeTruthy();
  expect(item(panel, /^3 Service/).textContent).toContain("Sum 100%");
  const required = within(editor).getByRole("switch", { name: "Required indicator" });
  fireEvent.click(required);
  expect((required as HTMLInputElement).checked).toBe(false);
});

test("add under, add after, remove with undo; the edited tree can be chosen in New and is sent to Excel", async () => {
  const port = createDemoPort();
  const panel = await setup(port);
  fireEvent.click(item(panel, /^5 Ecosystem/));
  fireEvent.click(within(panel).getByRole("button", { name: "Add indicator under it" }));
  expect(within(panel).getByRole("region", { name: "Selected indicator 5.4" })).toBeTruthy();
  expect(item(panel, /^5\.4 New indicator/).textContent).toContain("0%");
  fireEvent.click(within(panel).getByRole("button", { name: "Add indicator after it" }));
  expect(item(panel, /^5\.5 New indicator/)).toBeTruthy();
  fireEvent.click(within(panel).getByRole("button", { name: "Remove" }));
  expect(within(panel).queryByRole("treeitem", { name: /^5\.5 / })).toBeNull();
  expect(within(panel).getByText("Removed “5.5 New indicator”.")).toBeTruthy();
  fireEvent.click(within(panel).getByRole("button", { name: "Undo" }));
  expect(item(panel, /^5\.5 New indicator/)).toBeTruthy();
  fireEvent.click(within(panel).getByRole("button", { name: "Add dimension" }));
  expect(item(panel, /^6 New indicator/)).toBeTruthy();

  fireEvent.click(screen.getByRole("tab", { name: "New" }));
  const source = screen.getByRole("combobox", { name: "Indicator standard" });
  fireEvent.change(source, { target: { value: "edited" } });
  fireEvent.change(screen.getByRole("textbox", { name: /^Vendors/ }), { target: { value: "Acme" } });
  fireEvent.click(await enabledButton("Create scorecard"));
  await screen.findByText(/Scorecard created/);
  expect(modelOf(port).tree.roots.map((n) => n.code)).toEqual(["1", "2", "3", "4", "5", "6"]);
  expect(port.excel.cell("Weights", `A${planOf(port).layout.weights.rows.find((r) => r.code === "5.5")?.row}`)?.value).toBe("5.5");

  // Restore brings the published standard back.
  await openWeights();
  fireEvent.click(within(panel).getByRole("button", { name: "Restore published standard" }));
  expect(within(panel).queryByRole("treeitem", { name: /^6 / })).toBeNull();
});

test("Apply to workbook sends the edited tree; a failure is explained", async () => {
  const port = createDemoPort();
  const panel = await setup(port);
  fireEvent.click(await enabledButton("Apply to workbook"));
  expect((await within(panel).findByRole("alert")).textContent).toContain("A sheet or named range the scorecard needs is missing.");
  await port.createWorkbook({ tree: publishedTree(), vendors: ["A"], raters: [], locale: "en-US", missing: "exclude" });
  fireEvent.click(within(panel).getByRole("button", { name: "Rescale all groups to 100%" }));
  fireEvent.click(within(panel).getByRole("button", { name: "Apply to workbook" }));
  expect(await within(panel).findByText("Weights written to the workbook.")).toBeTruthy();
  expect(modelOf(port).tree.roots[0].weight).toBeCloseTo(100 / 3);
  expect(port.excel.cell("Weights", "C6")?.value).toBeCloseTo(100 / 3);
});

test("Apply to workbook: protected sheet", async () => {
  const port = createDemoPort({ failWith: { applyWeights: officeError("AccessDenied") } });
  const panel = await setup(port);
  fireEvent.click(await enabledButton("Apply to workbook"));
  const alert = await within(panel).findByRole("alert");
  expect(alert.textContent).toContain("The sheet is protected or the workbook is read-only.");
  await waitFor(() => expect(within(panel).getByRole("button", { name: "Apply to workbook" }).hasAttribute("disabled")).toBe(false));
});

test("an adapter error naming a cell offers to go there", async () => {
  const port = createDemoPort();
  await port.createWorkbook({ tree: publishedTree(), vendors: ["A"], raters: [], locale: "en-US", missing: "exclude" });
  port.excel.put("Weights", "A7", [["my note"]]); // a code cell overwritten by hand
  const panel = await setup(port);
  fireEvent.click(await enabledButton("Apply to workbook"));
  const alert = await within(panel).findByRole("alert");
  expect(alert.textContent).toContain("A scorecard sheet was changed by hand where the add-in keeps its headers and codes.");
  expect(alert.textContent).toContain("Cell: Weights!A7");
  expect(alert.textContent).not.toContain("changed by hand: cell");
  fireEvent.click(within(alert).getByRole("button", { name: "Go to the cell" }));
  await waitFor(() => expect(port.excel.selection).toEqual({ sheet: "Weights", address: "A7" }));
});
