// Chart.js comes from the org.webjars.npm:chart.js WebJar (root pom, chartjs.webjar.version), which the
// console serves from the classpath under /webjars. Its UMD bundle is loaded once, on the first chart.
export const CHART_JS_URL = '/webjars/chart.js/4.5.1/dist/chart.umd.min.js';

let loading = null;

export function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  loading ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = CHART_JS_URL;
    s.onload = () => {
      const Chart = window.Chart;
      Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      Chart.defaults.color = '#1d2a33';
      resolve(Chart);
    };
    s.onerror = () => { loading = null; reject(new Error('کتابخانه نمودار بارگذاری نشد.')); };
    document.head.appendChild(s);
  });
  return loading;
}
