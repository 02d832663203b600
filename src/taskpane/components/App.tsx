import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from "react";
import { makeStyles, Spinner, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import type { IndicatorTree } from "../model";
import { publishedTree } from "../standard";
import type { UiLocale } from "../../i18n";
import { useCapabilities } from "../hooks";
import { LocaleProvider, useLocale } from "../locale";
import { FEATURE_REQUIREMENTS, highestSet, supportsSet, type Feature, type WorkbookPort } from "../../port";
import type { FeatureReasons } from "./featureReasons";
import { DemoBanner } from "./DemoBanner";
import { ErrorMessage } from "./ErrorMessage";
import { LanguagePicker } from "./LanguagePicker";
import { NewTab } from "./NewTab";

// The Weights and Check tabs (Tree, Table, Switch, …) are fetched when first opened, or earlier
// when the browser is idle (prefetch), so the first download holds only what the New tab needs.
const WeightsTab = lazy(() => import(/* webpackChunkName: "weights", webpackPrefetch: true */ "./WeightsTab").then((m) => ({ default: m.WeightsTab })));
const CheckTab = lazy(() => import(/* webpackChunkName: "check", webpackPrefetch: true */ "./CheckTab").then((m) => ({ default: m.CheckTab })));
// The importer (papaparse; ExcelJS on the first .xlsx) stays out of the first download too.
const ImportTab = lazy(() => import(/* webpackChunkName: "import", webpackPrefetch: true */ "./ImportTab").then((m) => ({ default: m.ImportTab })));
const PanelTab = lazy(() => import(/* webpackChunkName: "panel", webpackPrefetch: true */ "./PanelTab").then((m) => ({ default: m.PanelTab })));

export interface AppProps {
  port: WorkbookPort;
  /** True when the port is the in-memory demo (not running inside Excel). */
  demo: boolean;
  initialLocale: UiLocale;
  /** Called when the user picks another language (e.g. to remember it). */
  onLocaleChange?(locale: UiLocale): void;
}

export type TabId = "new" | "weights" | "check" | "import" | "panel";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "100%",
    padding: "8px 12px 16px",
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    overflowWrap: "anywhere",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  /** Long languages (and the pseudo-locale) wrap the tabs instead of scrolling sideways. */
  tabs: { marginLeft: "-10px", marginRight: "-10px", flexWrap: "wrap" },
});

export function App(props: AppProps): JSX.Element {
  const [locale, setLocaleState] = useState<UiLocale>(props.initialLocale);
  const { onLocaleChange } = props;
  const setLocale = useCallback(
    (l: UiLocale) => {
      setLocaleState(l);
      onLocaleChange?.(l);
    },
    [onLocaleChange],
  );
  return (
    <LocaleProvider locale={locale} setLocale={setLocale}>
      <Pane port={props.port} demo={props.demo} />
    </LocaleProvider>
  );
}

function Pane(props: { port: WorkbookPort; demo: boolean }): JSX.Element {
  const { port, demo } = props;
  const styles = useStyles();
  const { t, locale } = useLocale();
  const [tab, setTab] = useState<TabId>("new");
  /** Tabs opened at least once stay mounted (hidden), so typed text and running work survive a switch. */
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set<TabId>(["new"]));
  const [tree, setTree] = useState<IndicatorTree>(publishedTree);
  const [edited, setEdited] = useState(false);
  const caps = useCapabilities(port);

  const reasons = useMemo<FeatureReasons>(() => {
    const out = {} as FeatureReasons;
    for (const feature of Object.keys(FEATURE_REQUIREMENTS) as Feature[]) {
      const version = FEATURE_REQUIREMENTS[feature];
      out[feature] =
        caps.status !== "ready"
          ? caps.status === "loading" ? "" : null
          : supportsSet(caps.caps, version)
            ? null
            : t("caps.needs", { version, highest: highestSet(caps.caps) ?? t("caps.none") });
    }
    return out;
  }, [caps, t]);

  const onTreeChange = useCallback((next: IndicatorTree, isEdited: boolean) => {
    setTree(next);
    setEdited(isEdited);
  }, []);

  return (
    <div className={styles.root} lang={locale === "qps-ploc" ? "en" : locale}>
      <header className={styles.header}>
        <Text as="h1" weight="semibold" size={500} style={{ margin: 0 }}>
          {t("app.title")}
        </Text>
        <LanguagePicker />
      </header>
      {demo && <DemoBanner />}
      {caps.status === "loading" && <Spinner size="tiny" label={t("caps.loading")} />}
      {caps.status === "error" && <ErrorMessage error={caps.error} />}
      <TabList
        className={styles.tabs}
        aria-label={t("app.tabs")}
        selectedValue={tab}
        onTabSelect={(_, data) => {
          const next = data.value as TabId;
          setTab(next);
          setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
        }}
        size="small"
      >
        <Tab value="new" id="tab-new" aria-controls="panel-new">{t("tab.new")}</Tab>
        <Tab value="weights" id="tab-weights" aria-controls="panel-weights">{t("tab.weights")}</Tab>
        <Tab value="check" id="tab-check" aria-controls="panel-check">{t("tab.check")}</Tab>
        <Tab value="import" id="tab-import" aria-controls="panel-import">{t("tab.import")}</Tab>
        <Tab value="panel" id="tab-panel" aria-controls="panel-panel">{t("tab.panel")}</Tab>
      </TabList>
      <div id="panel-new" role="tabpanel" aria-labelledby="tab-new" hidden={tab !== "new"}>
        <NewTab port={port} tree={tree} edited={edited} reasons={reasons} />
      </div>
      <LazyPanel id="weights" tab={tab} visited={visited}>
        <WeightsTab port={port} tree={tree} edited={edited} onChange={onTreeChange} reasons={reasons} />
      </LazyPanel>
      <LazyPanel id="check" tab={tab} visited={visited}>
        <CheckTab port={port} reasons={reasons} />
      </LazyPanel>
      <LazyPanel id="import" tab={tab} visited={visited}>
        <ImportTab port={port} reasons={reasons} />
      </LazyPanel>
      <LazyPanel id="panel" tab={tab} visited={visited}>
        <PanelTab port={port} reasons={reasons} />
      </LazyPanel>
    </div>
  );
}

/** A tab's panel whose content (a lazily loaded chunk) is mounted on the first visit and kept while hidden. */
function LazyPanel(props: { id: TabId; tab: TabId; visited: ReadonlySet<TabId>; children: ReactNode }): JSX.Element {
  const { t } = useLocale();
  return (
    <div id={`panel-${props.id}`} role="tabpanel" aria-labelledby={`tab-${props.id}`} hidden={props.tab !== props.id}>
      {props.visited.has(props.id) && <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>{props.children}</Suspense>}
    </div>
  );
}
