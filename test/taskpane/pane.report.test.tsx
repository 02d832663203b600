/** @jest-environment jsdom */
import { enabledButton, openTab, renderPane } from "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createDemoPort, officeError, type DemoPort } from "../../src/demo";
import { publishedTree } from "../../src/taskpane/standard";

async function withScorecard(locale: "en-US" | "zh-CN", options: Parameters<typeof createDemoPort>[0] = {}): Promise<DemoPort> {
  const port = createDemoPort({ demoRatings: true, now: () => new Date("2026-12-04T10:00:00Z"), ...options });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta", "Gamma"], raters: [], locale, missing: "exclude" });
  return port;
}

async function openCheck(port: DemoPort, locale: "en-US" | "zh-CN"): Promise<HTMLElement> {
  renderPane(port, { locale });
  const name = locale === "en-US" ? "Check & score" : "检查与评分";
  await screen.findByRole("tab", { name });
  return openTab(name);
}

test("Prepare report writes the Report sheet, opens it and says how to print it", async () => {
  const port = await withScorecard("en-US");
  const panel = await openCheck(port, "en-US");
  fireEvent.click(await enabledButton("Check workbook"));
  const button = await within(panel).findByRole("button", { name: "Prepare report" });
  expect(button.getAttribute("aria-describedby")).toBe("report-hint");
  expect(within(panel).getByText(/Writes the Report sheet \(ranking, a page per vendor, weights, signatures\)/)).toBeTruthy();
  expect(port.excel.sheets.some((s) => s.name === "Report")).toBe(false);
  fireEvent.click(button);
  expect(await within(panel).findByText("The report is ready in “Report”: File › Print (or Save as PDF) prints it with its page set-up.")).toBeTruthy();
  expect(port.excel.selection).toEqual({ sheet: "Report", address: "A1" });
  expect(port.excel.cell("Report", "A1")?.value).toMatch(/^Vendor evaluation report/);
  // Again: the sheet is written afresh, not duplicated.
  fireEvent.click(await enabledButton("Prepare report"));
  await waitFor(() => expect(port.excel.sheets.filter((s) => s.name === "Report")).toHaveLength(1));
});

test("in Chinese: 生成评审报告 writes 评审报告", async () => {
  const port = await withScorecard("zh-CN");
  const panel = await openCheck(port, "zh-CN");
  fireEvent.click(await enabledButton("检查工作簿"));
  fireEvent.click(await within(panel).findByRole("button", { name: "生成评审报告" }));
  expect(await within(panel).findByText("评审报告已在“评审报告”中生成：通过“文件 › 打印”（或另存为 PDF）按其页面设置打印。")).toBeTruthy();
  expect(port.excel.cell("评审报告", "A1")?.value).toMatch(/^供应商评审报告/);
});

test("a failure is shown as an alert and nothing is opened", async () => {
  const port = await withScorecard("en-US", { failWith: { prepareReport: officeError("ItemAlreadyExists") } });
  const panel = await openCheck(port, "en-US");
  fireEvent.click(await enabledButton("Check workbook"));
  fireEvent.click(await within(panel).findByRole("button", { name: "Prepare report" }));
  expect((await within(panel).findByRole("alert")).textContent).not.toBe("");
  expect(port.excel.sheets.some((s) => s.name === "Report")).toBe(false);
});

test("what was typed in the signature block survives Prepare report", async () => {
  const port = await withScorecard("en-US");
  const panel = await openCheck(port, "en-US");
  fireEvent.click(await enabledButton("Check workbook"));
  fireEvent.click(await within(panel).findByRole("button", { name: "Prepare report" }));
  await within(panel).findByText(/The report is ready in “Report”/);
  // The evaluator's row: the first row under the block's header (the heading, then Name/Role/…).
  const sheet = port.excel.sheet("Report");
  const heading = [...(sheet?.cells.entries() ?? [])].find(([, c]) => c.value === "Signatures of the evaluation panel")?.[0] ?? "";
  const row = Number(heading.split(",")[0]) + 2;
  expect(port.excel.cell("Report", `C${row}`)?.value).toBe("Evaluator");
  port.excel.put("Report", `A${row}`, [["Pat Lee"]]);
  port.excel.put("Report", `D${row}`, [["P. Lee"]]);
  port.excel.selection = null;
  fireEvent.click(await enabledButton("Prepare report"));
  // Written afresh (it opens the sheet last), with the typed cells.
  await waitFor(() => expect(port.excel.selection).toEqual({ sheet: "Report", address: "A1" }));
  expect(port.excel.cell("Report", `D${row}`)?.value).toBe("P. Lee");
  expect(port.excel.cell("Report", `A${row}`)?.value).toBe("Pat Lee");
});
