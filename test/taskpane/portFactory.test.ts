import { createPort } from "../../src/taskpane/portFactory";
import { FakePort } from "../../src/taskpane/fakePort";

test("outside Excel the pane gets the demo port, flagged as demo", async () => {
  const choice = await createPort({ inExcel: false });
  expect(choice.demo).toBe(true);
  expect(choice.port).toBeInstanceOf(FakePort);
  expect(await choice.port.getCapabilities()).toEqual({ host: "demo", excelApi: [] });
});

test("inside Excel the pane gets the Office.js adapter, not the demo", async () => {
  const choice = await createPort({ inExcel: true });
  expect(choice.demo).toBe(false);
  expect(choice.port).not.toBeInstanceOf(FakePort);
  expect(choice.port.constructor.name).toBe("ExcelPort");
});
