import { createPort } from "../../src/taskpane/portFactory";
import { FakePort } from "../../src/taskpane/fakePort";

test("outside Excel the pane gets the demo port, flagged as demo", async () => {
  const choice = await createPort({ inExcel: false });
  expect(choice.demo).toBe(true);
  expect(choice.port).toBeInstanceOf(FakePort);
  expect(await choice.port.getCapabilities()).toEqual({ host: "demo", excelApi: [] });
});

test("inside Excel, until src/excel is wired, the demo port is still flagged as demo (never passed off as the workbook)", async () => {
  expect((await createPort({ inExcel: true })).demo).toBe(true);
});
