/**
 * Test-only: reads the maturity tables and the per-stage pages straight from the source report
 * (../shared/standard/…md), so the bundled maturity data is checked against the report's text, not
 * against itself. Returns null when ../shared is not there (the caller skips, saying why).
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

export const REPORT = join(__dirname, "..", "..", "..", "shared", "standard", "seed-36kr-2022-enterprise-live-streaming-standard.md");

export interface SourceStage {
  name: string;
  share: number;
  /** Row label (核心关注点 …) → cell text. */
  cells: Record<string, string>;
  /** From the stage's own page: the "平台需求：…" and "团队构成：…" lines (without the label), and the 直播前/中/后 lists. */
  platformSummary?: string;
  teamSummary?: string;
  features: Record<string, string[]>;
}

export interface SourceScenario {
  heading: string;
  stages: SourceStage[];
}

const strip = (s: string): string => s.replace(/<\/?b>/g, "").replace(/\*\*/g, "").trim();

/** The table under `heading`: a header line of "NN% name" cells, then six rows "label<TAB>cell×5". */
function table(lines: string[], heading: string): SourceStage[] {
  const at = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (at < 0) throw new Error(`no section "${heading}" in the report`);
  const head = lines.findIndex((l, i) => i > at && /\d+%/.test(l) && l.includes("\t"));
  const stages: SourceStage[] = lines[head]
    .split("\t")
    .map(strip)
    .filter((c) => c !== "")
    .map((c) => {
      const m = /^(\d+)%\s*(.+)$/.exec(c);
      if (!m) throw new Error(`unexpected stage header "${c}"`);
      return { name: m[2].trim(), share: Number(m[1]), cells: {}, features: {} };
    });
  for (let i = head + 1; i <= head + 6; i++) {
    const [label, ...cells] = lines[i].split("\t").map(strip);
    if (cells.length !== stages.length) throw new Error(`row "${label}" has ${cells.length} cells, not ${stages.length}`);
    cells.forEach((c, k) => (stages[k].cells[label] = c));
  }
  return stages;
}

/** The stage's page "## 营销场景：起步阶段——…": its summary lines and feature lists. */
function stagePage(lines: string[], prefix: string, stage: SourceStage): void {
  const at = lines.findIndex((l) => l.startsWith(`## ${prefix}：${stage.name}——`));
  if (at < 0) throw new Error(`no page for ${prefix}：${stage.name}`);
  let end = lines.findIndex((l, i) => i > at && l.startsWith("## "));
  if (end < 0) end = lines.length;
  let list: string | null = null;
  let inPlatform = false;
  for (let i = at + 1; i < end; i++) {
    const t = strip(lines[i].replace(/^- /, ""));
    const p = /^平台需求：(.+)$/.exec(t);
    const m = /^团队构成：(.+)$/.exec(t);
    if (p) {
      stage.platformSummary = p[1];
      inPlatform = true;
    } else if (m) {
      stage.teamSummary = m[1];
      inPlatform = false;
      list = null;
    } else if (inPlatform && lines[i].startsWith("### ")) {
      list = lines[i].slice(4).trim();
      stage.features[list] = [];
    } else if (inPlatform && list !== null && lines[i].startsWith("- ")) {
      stage.features[list].push(t);
    }
  }
}

/** Both scenarios as the report prints them, or null without ../shared. */
export function readReport(): { marketing: SourceScenario; training: SourceScenario } | null {
  if (!existsSync(REPORT)) return null;
  const lines = readFileSync(REPORT, "utf8").split(/\r?\n/);
  const scenario = (heading: string, prefix: string): SourceScenario => {
    const stages = table(lines, heading);
    for (const s of stages) stagePage(lines, prefix, s);
    return { heading, stages };
  };
  return { marketing: scenario("营销场景企业直播成熟度参考标准", "营销场景"), training: scenario("培训场景企业直播成熟度参考标准", "培训场景") };
}
