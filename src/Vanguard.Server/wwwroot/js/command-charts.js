// The command centre's map and charts (指挥调度大屏), drawn with Apache ECharts restored from npm into /lib/echarts
// (docs/adr/0011). Called from Blazor through IJSRuntime: init once, render per chart as data changes, dispose when the
// page goes away. Every chart follows its box's size (window resize, side menu collapsed, full screen).
//
// The map is a schematic: agencies, cameras, officers and alerts at their coordinates on a plane, with no province
// outline and no tiles: no map data is shipped whose licence and 审图号 status we cannot vouch for, and the wall screen
// needs no internet.

const charts = new Map(); // element id -> { chart, observer }
let loading = null;

/** Loads echarts.min.js once (a UMD file that sets window.echarts). Resolves false when it is not there. */
export function init(libraryUrl) {
  if (window.echarts) {
    return Promise.resolve(true);
  }
  if (!loading) {
    loading = new Promise((resolve) => {
      const script = document.createElement("script");
      script.src = libraryUrl;
      script.async = true;
      script.onload = () => resolve(!!window.echarts);
      script.onerror = () => { loading = null; resolve(false); };
      document.head.appendChild(script);
    });
  }
  return loading;
}

function chartFor(elementId, dark) {
  const element = document.getElementById(elementId);
  if (!element || !window.echarts) {
    return null;
  }
  const known = charts.get(elementId);
  if (known && known.element === element && !known.chart.isDisposed()) {
    return known.chart;
  }
  if (known) {
    disposeOne(elementId);
  }
  const chart = window.echarts.init(element, dark ? "dark" : null, { renderer: "canvas" });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(element);
  charts.set(elementId, { chart, observer, element });
  return chart;
}

function disposeOne(elementId) {
  const known = charts.get(elementId);
  if (!known) {
    return;
  }
  known.observer.disconnect();
  if (!known.chart.isDisposed()) {
    known.chart.dispose();
  }
  charts.delete(elementId);
}

const base = (dark) => ({
  backgroundColor: "transparent",
  textStyle: { fontFamily: "inherit" },
  grid: { left: 44, right: 16, top: 36, bottom: 28 },
  tooltip: { trigger: "axis" },
  color: dark ? ["#36cfc9", "#ff7a45", "#ffc53d", "#597ef7"] : ["#1677ff", "#fa541c", "#faad14", "#13c2c2"],
});

/**
 * Draws a day series: data = { title, name, kind: "bar"|"line", days: ["2026-11-01", …], counts: [3, …] }.
 */
export function renderDays(elementId, dark, data) {
  const chart = chartFor(elementId, dark);
  if (!chart) {
    return false;
  }
  chart.setOption({
    ...base(dark),
    title: { text: data.title, left: 8, top: 4, textStyle: { fontSize: 14 } },
    xAxis: { type: "category", data: data.days.map((d) => d.slice(5)), axisTick: { alignWithLabel: true } },
    yAxis: { type: "value", minInterval: 1 },
    series: [{
      name: data.name,
      type: data.kind === "line" ? "line" : "bar",
      data: data.counts,
      smooth: data.kind === "line",
      areaStyle: data.kind === "line" ? { opacity: 0.15 } : undefined,
      barMaxWidth: 18,
    }],
  }, true);
  return true;
}

/**
 * Draws precision per list or rule: data = { title, names: [...], precision: [0.82 | null, …], dispatched: [12, …],
 * precisionName, dispatchedName, emptyText }. Precision is a share (0–1) and shown in per cent; null where nothing was dispatched.
 */
export function renderPrecision(elementId, dark, data) {
  const chart = chartFor(elementId, dark);
  if (!chart) {
    return false;
  }
  if (data.names.length === 0) {
    chart.setOption({
      backgroundColor: "transparent",
      title: [
        { text: data.title, left: 8, top: 4, textStyle: { fontSize: 14 } },
        { text: data.emptyText, left: "center", top: "middle", textStyle: { fontSize: 13, fontWeight: "normal", color: dark ? "rgba(255,255,255,0.45)" : "rgba(0,0,0,0.45)" } },
      ],
    }, true);
    return true;
  }
  chart.setOption({
    ...base(dark),
    title: { text: data.title, left: 8, top: 4, textStyle: { fontSize: 14 } },
    grid: { left: 110, right: 48, top: 56, bottom: 40 },
    legend: { bottom: 4, left: "center" },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: [
      { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      { type: "value", minInterval: 1, position: "top", splitLine: { show: false } },
    ],
    yAxis: { type: "category", data: data.names, axisLabel: { width: 96, overflow: "truncate" } },
    series: [
      {
        name: data.precisionName, type: "bar", xAxisIndex: 0, barMaxWidth: 14,
        data: data.precision.map((p) => (p === null ? null : Math.round(p * 1000) / 10)),
        label: { show: true, position: "right", formatter: (p) => (p.value === null || p.value === undefined ? "—" : p.value + "%") },
      },
      { name: data.dispatchedName, type: "bar", xAxisIndex: 1, barMaxWidth: 14, data: data.dispatched },
    ],
  }, true);
  return true;
}

/**
 * A value as text inside tooltip HTML. Names of cameras, officers, lists and plates come from users and devices: a camera
 * registered as "<img onerror=…>" must show as those characters, never run on the command screen.
 */
const asText = (value) => window.echarts.format.encodeHTML(value === null || value === undefined ? "" : String(value));

const stationColours = { online: "#52c41a", silent: "#faad14", uncertified: "#ff4d4f" };

/**
 * Draws the schematic map: data = { names: {…legend names}, agencies: [{name, lat, lon}], stations: [{name, lat, lon,
 * status, statusName}], officers: [{name, lat, lon}], alerts: [{plate, place, reason, lat, lon, open}] }. Text is escaped here, not by the caller.
 */
export function renderMap(elementId, dark, data) {
  const chart = chartFor(elementId, dark);
  if (!chart) {
    return false;
  }
  const points = [...data.agencies, ...data.stations, ...data.officers, ...data.alerts].filter((p) => p.lat != null && p.lon != null);
  // Henan by default (110.3–116.7 E, 31.4–36.4 N); otherwise the box around what there is, with a margin.
  let [minLon, maxLon, minLat, maxLat] = [110.3, 116.7, 31.4, 36.4];
  if (points.length > 0) {
    minLon = Math.min(...points.map((p) => p.lon)); maxLon = Math.max(...points.map((p) => p.lon));
    minLat = Math.min(...points.map((p) => p.lat)); maxLat = Math.max(...points.map((p) => p.lat));
  }
  const padLon = Math.max(0.2, (maxLon - minLon) * 0.08);
  const padLat = Math.max(0.2, (maxLat - minLat) * 0.08);
  const axis = (min, max) => ({
    type: "value", min: +(min).toFixed(3), max: +(max).toFixed(3), scale: true,
    axisLabel: { show: false }, axisTick: { show: false }, axisLine: { show: false },
    splitLine: { lineStyle: { color: dark ? "rgba(255,255,255,0.06)" : "rgba(0,0,0,0.05)" } },
  });
  const muted = dark ? "rgba(255,255,255,0.55)" : "rgba(0,0,0,0.5)";
  chart.setOption({
    backgroundColor: "transparent",
    textStyle: { fontFamily: "inherit" },
    grid: { left: 8, right: 8, top: 36, bottom: 8 },
    legend: { top: 4, left: 8, textStyle: { color: muted } },
    // Every tip is built from escaped values above: the formatter's result is HTML.
    tooltip: { trigger: "item", formatter: (p) => p.data.tip },
    xAxis: axis(minLon - padLon, maxLon + padLon),
    yAxis: axis(minLat - padLat, maxLat + padLat),
    series: [
      {
        name: data.names.agencies, type: "scatter", symbol: "diamond", symbolSize: 9,
        itemStyle: { color: dark ? "#8c8c8c" : "#595959" },
        label: { show: true, position: "right", color: muted, fontSize: 11, formatter: (p) => p.data.short },
        data: data.agencies.map((a) => ({ value: [a.lon, a.lat], tip: asText(a.name), short: a.name.replace(/交通运输综合行政执法(支队|大队|总队|局)?/, "") })),
      },
      {
        name: data.names.stations, type: "scatter", symbol: "circle", symbolSize: 8,
        data: data.stations.filter((s) => s.lat != null).map((s) => ({
          value: [s.lon, s.lat], tip: `${asText(s.name)}<br/>${asText(s.statusName)}`, itemStyle: { color: stationColours[s.status] || "#8c8c8c" },
        })),
      },
      {
        name: data.names.officers, type: "scatter", symbol: "triangle", symbolSize: 11,
        itemStyle: { color: "#40a9ff" },
        data: data.officers.map((o) => ({ value: [o.lon, o.lat], tip: asText(o.name) })),
      },
      {
        name: data.names.alerts, type: "effectScatter", symbolSize: 12, rippleEffect: { scale: 3, brushType: "stroke" },
        itemStyle: { color: "#ff4d4f" },
        data: data.alerts.filter((a) => a.open && a.lat != null).map((a) => ({ value: [a.lon, a.lat], tip: `${asText(a.plate)}<br/>${asText(a.place)}<br/>${asText(a.reason)}` })),
      },
    ],
  }, true);
  return true;
}

/** Disposes the given charts (the page's), or all when no ids are given. */
export function dispose(elementIds) {
  const ids = elementIds && elementIds.length ? elementIds : [...charts.keys()];
  ids.forEach(disposeOne);
}

/** Full screen for the wall display; the charts follow through their resize observers. */
export function toggleFullScreen(elementId) {
  const element = document.getElementById(elementId);
  if (!element) {
    return;
  }
  if (document.fullscreenElement) {
    document.exitFullscreen();
  } else if (element.requestFullscreen) {
    element.requestFullscreen();
  }
}
