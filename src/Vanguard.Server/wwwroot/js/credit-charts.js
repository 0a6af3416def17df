// 源头治超 dashboard chart (/credit/sources): transport enterprises' violating-vehicle rate against the 10 % line of
// 公路安全保护条例 art. 66, drawn with Apache ECharts from /lib/echarts (loaded once, like the command centre's charts).

let loading = null;
let chart = null;
let observer = null;

/** Loads echarts.min.js once (a UMD file that sets window.echarts). Resolves false when it is not there. */
export function init(libraryUrl) {
  if (window.echarts) return Promise.resolve(true);
  if (!loading) {
    loading = new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = libraryUrl;
      script.async = true;
      script.onload = () => resolve(!!window.echarts);
      script.onerror = () => { loading = null; resolve(false); };
      document.head.appendChild(script);
    });
  }
  return loading;
}

/** names, rates (percent), the line (percent) and which enterprises are over it (rated fleets only): those bars red, the line drawn across. */
export function renderRates(elementId, names, rates, line, over) {
  const element = document.getElementById(elementId);
  if (!element || !window.echarts) return;
  if (!chart || chart.getDom() !== element || chart.isDisposed()) {
    dispose();
    chart = window.echarts.init(element);
    observer = new ResizeObserver(() => chart && chart.resize());
    observer.observe(element);
  }
  chart.setOption({
    grid: { left: 48, right: 24, top: 24, bottom: 96 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0, width: 120, overflow: 'truncate' } },
    yAxis: { type: 'value', name: '%', min: 0 },
    series: [{
      type: 'bar',
      data: rates.map((r, i) => ({ value: r, itemStyle: { color: over[i] ? '#cf1322' : '#1677ff' } })),
      markLine: { symbol: 'none', data: [{ yAxis: line, name: `${line}%` }], lineStyle: { color: '#fa8c16', type: 'dashed' }, label: { formatter: `${line}%` } },
    }],
  }, true);
}

export function dispose() {
  if (observer) { observer.disconnect(); observer = null; }
  if (chart && !chart.isDisposed()) chart.dispose();
  chart = null;
}
