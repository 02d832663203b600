import type { ChartPlan, ChartSeriesPlan } from "../plan/types";
import { esc, NS, XML_HEAD } from "./xml";

/**
 * Minimal DrawingML chart parts, written by hand because ExcelJS cannot write charts. Element
 * order follows the ECMA-376 schema (CT_Chart, CT_RadarSer, CT_BarSer, CT_CatAx, CT_ValAx).
 * Series reference Results cells; the name and category caches are the build-time labels, and
 * values have no cache (Excel and LibreOffice read them from the cells after recalculation).
 */
const CAT_AX = 500000001;
const VAL_AX = 500000002;

function strRef(ref: string, labels: string[]): string {
  const pts = labels.map((l, i) => `<c:pt idx="${i}"><c:v>${esc(l)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${esc(ref)}</c:f><c:strCache><c:ptCount val="${labels.length}"/>${pts}</c:strCache></c:strRef>`;
}

function seriesCommon(s: ChartSeriesPlan, i: number): string {
  const tx = s.nameRef ? `<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>` : `<c:tx><c:v>${esc(s.name)}</c:v></c:tx>`;
  return `<c:idx val="${i}"/><c:order val="${i}"/>${tx}`;
}

function catVal(chart: ChartPlan, s: ChartSeriesPlan): string {
  return `<c:cat>${strRef(chart.categories, chart.categoryLabels)}</c:cat><c:val><c:numRef><c:f>${esc(s.values)}</c:f></c:numRef></c:val>`;
}

function title(text: string, locale: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="${locale}" sz="1200" b="1"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

/** Scatter: two value axes, x (weights, 0–100%) at the bottom and y (totals) on the left. */
function scatterAxes(chart: ChartPlan): string {
  const x = chart.xAxis ?? { min: 0, max: 1, step: 0.1, numberFormat: "General" };
  const valAx = (id: number, cross: number, pos: string, min: number, max: number, step: number, fmt: string): string =>
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/><c:max val="${max}"/><c:min val="${min}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${pos}"/><c:majorGridlines/><c:numFmt formatCode="${esc(fmt)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="midCat"/><c:majorUnit val="${step}"/></c:valAx>`;
  return valAx(CAT_AX, VAL_AX, "b", x.min, x.max, x.step, x.numberFormat) + valAx(VAL_AX, CAT_AX, "l", chart.axis.min, chart.axis.max, 20, "0");
}

function axes(chart: ChartPlan): string {
  if (chart.kind === "scatter") return scatterAxes(chart);
  const horizontal = chart.kind === "bar";
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/>${horizontal ? "" : "<c:majorGridlines/>"}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AX}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:max val="${chart.axis.max}"/><c:min val="${chart.axis.min}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "t" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>` +
    `<c:majorTickMark val="${horizontal ? "out" : "cross"}"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AX}"/>` +
    `<c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/><c:majorUnit val="20"/></c:valAx>`;
  return catAx + valAx;
}

function plot(chart: ChartPlan): string {
  if (chart.kind === "scatter") {
    const ser = chart.series
      .map((s, i) => {
        const look = s.reference
          ? '<c:spPr><a:ln w="19050"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>'
          : '<c:marker><c:symbol val="circle"/><c:size val="4"/></c:marker>';
        const xs = `<c:xVal><c:numRef><c:f>${esc(s.xValues ?? chart.categories)}</c:f></c:numRef></c:xVal><c:yVal><c:numRef><c:f>${esc(s.values)}</c:f></c:numRef></c:yVal>`;
        return `<c:ser>${seriesCommon(s, i)}${look}${xs}<c:smooth val="0"/></c:ser>`;
      })
      .join("");
    return `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${ser}<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:scatterChart>`;
  }
  if (chart.kind === "radar") {
    const ser = chart.series
      .map((s, i) => `<c:ser>${seriesCommon(s, i)}<c:marker><c:symbol val="circle"/><c:size val="4"/></c:marker>${catVal(chart, s)}</c:ser>`)
      .join("");
    return `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${ser}<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:radarChart>`;
  }
  const ser = chart.series
    .map((s, i) => `<c:ser>${seriesCommon(s, i)}<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${catVal(chart, s)}</c:ser>`)
    .join("");
  const labels =
    '<c:dLbls><c:numFmt formatCode="0.0" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>' +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  return `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}${labels}<c:gapWidth val="60"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>`;
}

/** xl/charts/chartN.xml for one chart of the plan. */
export function chartXml(chart: ChartPlan, locale: string): string {
  const legend = chart.legend ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : "";
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `${title(chart.title, locale)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot(chart)}${axes(chart)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** xl/drawings/drawingN.xml: one two-cell anchor per chart, chart i bound to relationship rId{i+1}. */
export function drawingXml(charts: ChartPlan[]): string {
  const anchors = charts
    .map((ch, i) => {
      const { from, to } = ch.anchor;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(`Chart ${i + 1}`)}" descr="${esc(ch.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`;
}

export function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return XML_HEAD + `<Relationships xmlns="${NS.rels}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`).join("")}</Relationships>`;
}
