import { lazy, Suspense, useMemo, useState } from "react";
import { Button, Field, Link, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { leaves, validateTree, type IndicatorTree } from "../model";
import type { Aggregation, MissingPolicy } from "../../core/engine";
import { useTask } from "../hooks";
import { publishedTree } from "../standard";
import { useLocale } from "../locale";
import { parseNames } from "../names";
import type { CreateWorkbookResult, WorkbookPort } from "../../port";
import type { FeatureReasons } from "./featureReasons";
import { AggregateField } from "./AggregateField";
import { CreateNotes } from "./CreateNotes";
import { ErrorMessage } from "./ErrorMessage";
import { FeatureNote } from "./FeatureNote";
import { NameListField } from "./NameListField";
import { pairwiseGroups } from "../pairwiseGroups";
import { TaskProgress } from "./TaskProgress";
import { PriceField, type PriceChoice } from "./PriceField";

// The Pairwise sheet's group checkboxes (Fluent's Checkbox) stay out of the first download.
const PairwiseGroupsField = lazy(() => import(/* webpackChunkName: "pairwise-groups", webpackPrefetch: true */ "./PairwiseGroupsField").then((m) => ({ default: m.PairwiseGroupsField })));

type Source = "published" | "edited";
const MISSING: readonly MissingPolicy[] = ["exclude", "zero"];
/** The Maturity sheets to add: none, one scenario of the maturity model, or both. */
type MaturityChoice = "none" | "marketing" | "training" | "both";
const MATURITY: readonly MaturityChoice[] = ["none", "marketing", "training", "both"];
const MATURITY_SCENARIOS: Record<MaturityChoice, string[]> = { none: [], marketing: ["marketing"], training: ["training"], both: ["marketing", "training"] };

const column = { display: "flex", flexDirection: "column", gap: 12 } as const;
/** A native select sizes itself to its longest option; let it shrink to the pane instead. */
const NARROW = { root: { style: { minWidth: 0 } }, select: { style: { minWidth: 0, textOverflow: "ellipsis" } } } as const;

export function NewTab(props: { port: WorkbookPort; tree: IndicatorTree; edited: boolean; reasons: FeatureReasons }): JSX.Element {
  const { port, reasons } = props;
  const { t, content } = useLocale();
  const [source, setSource] = useState<Source>("published");
  const [vendorText, setVendorText] = useState("");
  const [raterText, setRaterText] = useState("");
  const [missing, setMissing] = useState<MissingPolicy>("exclude");
  const [aggregate, setAggregate] = useState<Aggregation>("mean");
  const [maturity, setMaturity] = useState<MaturityChoice>("none");
  const [pairwise, setPairwise] = useState<(string | null)[]>([]);
  const [touched, setTouched] = useState(false);
  const [price, setPrice] = useState<PriceChoice>(null);
  const [sensitivity, setSensitivity] = useState<"none" | "add">("none");
  const task = useTask<CreateWorkbookResult>();
  const [goError, setGoError] = useState<unknown>(null);

  const published = useMemo(publishedTree, []);
  const tree = props.edited && source === "edited" ? props.tree : published;
  const vendors = useMemo(() => parseNames(vendorText), [vendorText]);
  const raters = useMemo(() => parseNames(raterText), [raterText]);
  const weightGroups = useMemo(() => validateTree(tree).filter((f) => f.code === "weights-not-100").length, [tree]);
  const running = task.status === "running";
  const blocked = reasons.createWorkbook;

  const create = (): void => {
    setTouched(true);
    // A Price sheet field that does not read is shown as an error; nothing is created.
    if (vendors.names.length === 0 || price === undefined) return;
    // Ticked groups of the tree being created (a tick on the other standard's group is left out).
    const available = new Set(pairwiseGroups(tree).map((g) => g.parent ?? ""));
    const groups = pairwise.filter((p) => available.has(p ?? ""));
    void task.run((options) =>
      port.createWorkbook({ tree, vendors: vendors.names, raters: raters.names, locale: content, missing, ...(raters.names.length >= 2 ? { aggregate } : {}), ...(maturity !== "none" ? { maturity: MATURITY_SCENARIOS[maturity] } : {}), ...(groups.length > 0 ? { pairwise: { groups } } : {}), ...(price ? { award: { price } } : {}), ...(sensitivity === "add" ? { sensitivity: true } : {}) }, options),
    );
  };

  const goToFirst = (at: { sheet: string; address: string }): void => {
    setGoError(null);
    port.selectCell(at.sheet, at.address).catch(setGoError);
  };

  const sourceLabel = (s: Source): string => (s === "published" ? t("new.standard.published") : t("new.standard.edited"));

  return (
    <form
      noValidate
      style={column}
      onSubmit={(e) => {
        e.preventDefault();
        create();
      }}
    >
      <Field
        label={t("new.standard")}
        hint={`${published.title[content]} — ${t("new.standard.summary", { leaves: leaves(tree).length, roots: tree.roots.length })}`}
      >
        <Select {...NARROW} value={props.edited ? source : "published"} onChange={(_, data) => setSource(data.value as Source)} disabled={running}>
          <option value="published">{sourceLabel("published")}</option>
          <option value="edited" disabled={!props.edited}>
            {sourceLabel("edited")}
          </option>
        </Select>
      </Field>
      {weightGroups > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("new.standard.weightWarning", { count: weightGroups })}</MessageBarBody>
        </MessageBar>
      )}
      <NameListField
        label={t("new.vendors")}
        hint={t("new.vendors.hint")}
        countKey="new.vendors.count"
        text={vendorText}
        parsed={vendors}
        required
        showEmptyError={touched}
        onChange={setVendorText}
      />
      <NameListField
        label={t("new.raters")}
        hint={t("new.raters.hint")}
        countKey="new.raters.count"
        text={raterText}
        parsed={raters}
        onChange={setRaterText}
      />
      {raters.names.length >= 2 && <AggregateField value={aggregate} disabled={running} onChange={setAggregate} />}
      <Field label={t("new.missing")} hint={t(`new.missing.${missing}.hint`)}>
        <Select {...NARROW} value={missing} onChange={(_, data) => setMissing(data.value as MissingPolicy)} disabled={running}>
          {MISSING.map((m) => (
            <option key={m} value={m}>
              {t(`new.missing.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("new.maturity")} hint={t("new.maturity.hint")}>
        <Select {...NARROW} value={maturity} onChange={(_, data) => setMaturity(data.value as MaturityChoice)} disabled={running}>
          {MATURITY.map((m) => (
            <option key={m} value={m}>
              {t(`new.maturity.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <PriceField disabled={running} onChange={setPrice} />
      <Field label={t("new.sensitivity")} hint={t("new.sensitivity.hint")}>
        <Select {...NARROW} value={sensitivity} onChange={(_, data) => setSensitivity(data.value as "none" | "add")} disabled={running}>
          <option value="none">{t("new.sensitivity.none")}</option>
          <option value="add">{t("new.sensitivity.add")}</option>
        </Select>
      </Field>
      <Suspense fallback={null}>
        <PairwiseGroupsField tree={tree} value={pairwise} disabled={running} onChange={setPairwise} />
      </Suspense>
      <div>
        <Button appearance="primary" type="submit" disabled={running || blocked !== null} aria-describedby={blocked ? "create-note" : undefined}>
          {t("new.create")}
        </Button>
        <FeatureNote id="create-note" reason={blocked} />
      </div>
      {running && <TaskProgress title={t("new.creating")} fraction={task.fraction} step={task.step} onCancel={task.cancel} />}
      {task.status === "cancelled" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("task.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {task.status === "error" && <ErrorMessage error={task.error} onDismiss={task.reset} onGoTo={(sheet, address) => goToFirst({ sheet, address })} />}
      {task.status === "done" && task.result && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t("new.created", { sheets: task.result.sheets.join(", ") })}{" "}
            {task.result.firstInput && (
              <Link as="button" type="button" onClick={() => task.result?.firstInput && goToFirst(task.result.firstInput)}>
                {t("new.goToFirst")}
              </Link>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {task.status === "done" && task.result && <CreateNotes notes={task.result.notes} />}
      {goError !== null && <ErrorMessage error={goError} onDismiss={() => setGoError(null)} />}
    </form>
  );
}
