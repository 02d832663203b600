import { readFileSync, writeFileSync, mkdtempSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest, checkSchema, SCHEMA } = require("../../scripts/validate-manifest.js") as {
  checkManifest: (xml: string, opts: { rootDir: string }) => Promise<string[]>;
  checkSchema: (file: string) => string[] | null;
  SCHEMA: string;
};

const rootDir = resolve(__dirname, "../..");
const manifest = readFileSync(join(rootDir, "manifest.xml"), "utf8");
const check = (xml: string) => checkManifest(xml, { rootDir });

function writeTemp(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.xml");
  writeFileSync(file, xml);
  return file;
}

describe("manifest.xml", () => {
  test("passes the project's own checks", async () => {
    expect(await check(manifest)).toEqual([]);
  });

  test.each([
    ["an undefined resid", (m: string) => m.replace('resid="Group.Label"', 'resid="Group.Nope"'), /undefined resid "Group.Nope"/],
    ["an icon file that does not exist", (m: string) => m.replace("assets/icon-80.png", "assets/icon-81.png"), /icon-81.png does not exist/],
    ["an icon of the wrong size", (m: string) => m.replace('assets/icon-32.png"/>\n  <HighRes', 'assets/icon-16.png"/>\n  <HighRes'), /IconUrl: assets\/icon-16.png is 16×16, expected 32×32/],
    ["a ribbon image of the wrong size", (m: string) => m.replace('id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"', 'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"'), /is 64×64, expected 80×80/],
    ["an Id that is not a GUID", (m: string) => m.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"), /not a GUID/],
    ["a malformed version", (m: string) => m.replace("<Version>0.1.0.0</Version>", "<Version>1.x</Version>"), /Version "1.x"/],
    ["a missing zh-CN display name", (m: string) => m.replace('<Override Locale="zh-CN" Value="供应商评分卡"/>\n  </DisplayName>', "</DisplayName>"), /DisplayName has no zh-CN override/],
    ["an http URL", (m: string) => m.replace('id="Taskpane.Url" DefaultValue="https://', 'id="Taskpane.Url" DefaultValue="http://'), /is not https/],
    ["an unused resource", (m: string) => m.replace("<bt:Urls>", '<bt:Urls>\n<bt:Url id="Extra.Url" DefaultValue="https://localhost:3000/x.html"/>'), /"Extra.Url" is defined but never used/],
    ["XML that is not well-formed", (m: string) => m.replace("</OfficeApp>", ""), /not well-formed/],
  ])("fails with %s", async (_name, mutate, message) => {
    const broken = mutate(manifest);
    expect(broken).not.toBe(manifest);
    const errors = await check(broken);
    expect(errors.join("\n")).toMatch(message);
  });

  const schemaTest = existsSync(SCHEMA) ? test : test.skip;
  schemaTest("is valid against the official schema (xmllint), and a schema violation fails", () => {
    expect(checkSchema(join(rootDir, "manifest.xml"))).toEqual([]);
    const broken = writeTemp(manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"));
    const errors = checkSchema(broken);
    expect(errors).not.toBeNull();
    expect((errors ?? []).join("\n")).toMatch(/Permissions/);
  });
});
