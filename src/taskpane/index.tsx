/**
 * Pane bootstrap: the only file of the pane that touches Office.js. It waits for Office.onReady,
 * picks the language and theme from Office, chooses the port and renders <App/>.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { localeFromDisplayLanguage, type UiLocale } from "../i18n";
import { App } from "./components/App";
import { createPort } from "./portFactory";
import { isDarkColor } from "./theme";

interface HostInfo {
  inExcel: boolean;
  displayLanguage: string | undefined;
  background: string | undefined;
}

function hostInfo(info: { host: Office.HostType | null } | null): HostInfo {
  let displayLanguage: string | undefined;
  let background: string | undefined;
  try {
    displayLanguage = Office.context?.displayLanguage;
    background = Office.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    // Outside Office some context getters throw; the browser's language is used instead.
  }
  return { inExcel: info?.host === Office.HostType.Excel, displayLanguage, background };
}

function waitForOffice(): Promise<HostInfo> {
  if (typeof Office === "undefined") return Promise.resolve({ inExcel: false, displayLanguage: undefined, background: undefined });
  return Office.onReady().then(hostInfo);
}

async function start(): Promise<void> {
  const host = await waitForOffice();
  const params = new URLSearchParams(window.location.search);
  const initialLocale: UiLocale = localeFromDisplayLanguage(params.get("lang") ?? host.displayLanguage ?? navigator.language);
  const { port, demo } = await createPort({ inExcel: host.inExcel });
  // ?theme=dark previews the dark theme outside Office (as ?lang= previews a language).
  const theme = params.get("theme") === "dark" || isDarkColor(host.background) ? webDarkTheme : webLightTheme;
  const container = document.getElementById("root");
  if (!container) throw new Error("#root missing from taskpane.html");
  document.documentElement.lang = initialLocale === "qps-ploc" ? "en" : initialLocale;
  createRoot(container).render(
    <FluentProvider theme={theme}>
      <App port={port} demo={demo} initialLocale={initialLocale} onLocaleChange={(l) => (document.documentElement.lang = l === "qps-ploc" ? "en" : l)} />
    </FluentProvider>,
  );
}

void start();
