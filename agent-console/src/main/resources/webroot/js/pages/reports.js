// Reports: pick one, a Jalali date range, see its chart (Chart.js from its WebJar) and table, export CSV.
// Every report is one table (columns + rows); the chart plots the numeric columns against the first one.
import {api, errorText} from '../api.js';
import {h, mount, field} from '../dom.js';
import {jDate, jDateTime, num, faDigits, jalaliToIso, isoToJalali, todayIso} from '../fmt.js';
import {loadChart} from '../chart.js';

const FALLBACK = [
  ['calls-by-hour', 'تماس‌ها بر حسب ساعت'], ['calls-by-day', 'تماس‌ها بر حسب روز'], ['call-outcomes', 'پاسخ‌داده، رهاشده، هدایت به پیام'],
  ['wait-and-talk', 'میانگین انتظار و مکالمه'], ['cases-by-kind', 'پرونده‌ها بر حسب نوع'], ['cases-by-agency', 'پرونده‌ها بر حسب دستگاه'],
  ['cases-by-channel', 'پرونده‌ها بر حسب کانال'], ['cases-by-status', 'پرونده‌ها بر حسب وضعیت'],
  ['deadlines-by-agency', 'مهلت‌های رعایت‌شده و گذشته به تفکیک دستگاه'], ['operator-activity', 'فعالیت کارشناسان'],
];
const LINE = new Set(['calls-by-hour', 'calls-by-day']);
const STACKED = new Set(['deadlines-by-agency', 'call-outcomes']);
// Long Persian names read better down the right-hand side than slanted under the bars.
const HORIZONTAL = new Set(['cases-by-agency', 'deadlines-by-agency', 'operator-activity']);
const COLORS = ['#0b6e4f', '#d97706', '#b42318', '#1d4f91', '#7c3aed', '#0891b2', '#65a30d', '#be185d'];

export async function render(view, params) {
  let reports = FALLBACK;
  try {
    const r = await api.reports();
    if (r?.reports?.length) reports = r.reports.map(x => [x.code, x.label ?? x.code]);
  } catch { /* the known list still works */ }
  let current = reports.some(([c]) => c === params[0]) ? params[0] : reports[0][0];
  let chart = null;

  const from = h('input', {id: 'r-from', dir: 'ltr', value: isoToJalali(todayIso(-6))});
  const to = h('input', {id: 'r-to', dir: 'ltr', value: isoToJalali(todayIso())});
  const tabs = h('div', {class: 'tabs', id: 'report-tabs', style: {flexWrap: 'wrap'}});
  let csvHref = null;
  const title = h('h2', {id: 'report-title'});
  const note = h('div', {class: 'notice warn', hidden: true});
  const canvas = h('canvas', {id: 'report-chart', 'aria-label': 'نمودار گزارش', role: 'img'});
  const table = h('div', {class: 'table-wrap', style: {maxHeight: '220px'}, id: 'report-table'});

  mount(view,
    h('div', {class: 'row'}, h('h1', {class: 'grow'}, 'گزارش‌ها'),
      field('از تاریخ', from), field('تا تاریخ', to),
      h('button', {type: 'button', class: 'primary', id: 'report-show', on: {click: () => show()}}, 'نمایش'),
      h('button', {type: 'button', id: 'csv', on: {click: () => { if (csvHref) location.href = csvHref; }}}, 'خروجی CSV')),
    tabs,
    h('section', {class: 'card'}, title, note, h('div', {class: 'chart-box'}, canvas)),
    h('section', {class: 'card'}, table));

  function drawTabs() {
    mount(tabs, reports.map(([code, label]) => h('button', {type: 'button', class: code === current ? 'on' : null, dataset: {report: code},
      on: {click: () => { current = code; history.replaceState(null, '', '#/reports/' + code); drawTabs(); show(); }}}, label)));
  }

  const cell = (col, v) => {
    if (v == null) return '—';
    if (col.type === 'number') return num(typeof v === 'number' ? Math.round(v * 100) / 100 : v);
    if (col.type === 'date') return jDate(v);
    if (col.type === 'datetime') return jDateTime(v);
    if (v === 'UNSPECIFIED') return 'نامشخص'; // e.g. a message not yet transcribed has no kind
    return faDigits(v);
  };

  async function show() {
    const f = jalaliToIso(from.value), t = jalaliToIso(to.value);
    if (!f || !t) { note.hidden = false; note.textContent = 'تاریخ‌ها را به شکل ۱۴۰۵/۰۹/۰۱ بنویسید.'; return; }
    csvHref = api.reportCsvUrl(current, f, t);
    view.dataset.ready = 'false';
    let r;
    try { r = await api.report(current, f, t); }
    catch (e) { note.hidden = false; note.textContent = errorText(e); return; }
    title.textContent = r.title ?? reports.find(([c]) => c === current)?.[1] ?? current;
    note.hidden = !r.note;
    note.textContent = r.note ?? '';
    // Rows keyed by an enum carry its code (the first column) and its Persian label: people see the label,
    // the CSV keeps both.
    const all = r.columns ?? [];
    const named = all.find(c => ['label', 'title', 'name'].includes(c.key));
    const cols = all.filter(c => c.type !== 'code' && !(named && c === all[0] && all[0] !== named && all[0].type === 'string'));
    const rows = r.rows ?? [];
    mount(table, h('table', null,
      h('thead', null, h('tr', null, cols.map(c => h('th', null, c.label ?? c.key)))),
      h('tbody', null, rows.length ? rows.map(row => h('tr', null, cols.map(c => h('td', {class: c.type === 'number' ? 'num' : null}, cell(c, row[c.key])))))
        : h('tr', null, h('td', {colspan: Math.max(1, cols.length), class: 'muted'}, 'در این بازه داده‌ای نیست.')))));

    let Chart;
    try { Chart = await loadChart(); }
    catch (e) {
      note.hidden = false;
      note.textContent = e.message + ' جدول زیر همان داده‌ها را نشان می‌دهد.';
      view.dataset.ready = 'true';
      return;
    }
    chart?.destroy();
    const labelCol = named ?? cols.find(c => c.type !== 'number') ?? cols[0];
    const numeric = cols.filter(c => c.type === 'number' && c !== labelCol);
    const type = LINE.has(current) ? 'line' : 'bar';
    chart = new Chart(canvas, {
      type,
      data: {
        labels: rows.map(row => labelCol ? String(cell(labelCol, row[labelCol.key])) : ''),
        datasets: numeric.map((c, i) => ({label: c.label ?? c.key, data: rows.map(row => row[c.key] ?? 0),
          backgroundColor: COLORS[i % COLORS.length] + (type === 'line' ? '33' : ''), borderColor: COLORS[i % COLORS.length],
          fill: type === 'line', tension: 0.25, cubicInterpolationMode: 'monotone'})),
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false, locale: 'fa-IR',
        plugins: {legend: {rtl: true, position: 'top'}, tooltip: {rtl: true}},
        indexAxis: HORIZONTAL.has(current) ? 'y' : 'x',
        scales: HORIZONTAL.has(current)
          ? {x: {reverse: true, beginAtZero: true, stacked: STACKED.has(current), ticks: {precision: 0, callback: v => num(v)}}, y: {position: 'right', stacked: STACKED.has(current)}}
          : {x: {reverse: true, stacked: STACKED.has(current)}, y: {position: 'right', beginAtZero: true, stacked: STACKED.has(current), ticks: {precision: 0, callback: v => num(v)}}},
      },
    });
    view.dataset.ready = 'true';
  }

  drawTabs();
  await show();
  return () => chart?.destroy();
}
