/** The report page's inline style and script (no external files: the page must open offline). */

export const REPORT_STYLE = `
:root { --fg: #1d2330; --muted: #687083; --line: #dde1e8; --bar: #4a78c2; --same: #eef7ee; --changed: #fff6dc; --onlyA: #fde8e8; --onlyB: #e6f0fd; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: #fafbfc; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
h1 { margin: 20px 0 0; } h2 { margin-top: 32px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.muted { color: var(--muted); }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; }
.figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.figure .value { font-size: 20px; font-weight: 600; } .figure .label { color: var(--muted); } .figure .note { font-size: 12px; color: var(--muted); }
.plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 16px; }
.plot { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.chart { width: 100%; height: auto; } .chart rect { fill: var(--bar); } .chart .axis { stroke: var(--muted); }
.chart text { font-size: 11px; fill: var(--fg); } .chart .label { fill: var(--muted); }
details { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 6px 10px; }
summary { cursor: pointer; } .cid { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
.diff-table td { width: 48%; white-space: pre-wrap; } .diff-table td.marker { width: 2%; text-align: center; font-family: monospace; }
tr.same { background: var(--same); } tr.changed { background: var(--changed); } tr.onlyA { background: var(--onlyA); } tr.onlyB { background: var(--onlyB); }
mark { background: #f6d365; border-radius: 2px; }
.legend span { padding: 1px 6px; border-radius: 3px; margin-right: 6px; }
.legend .same { background: var(--same); } .legend .changed { background: var(--changed); } .legend .onlyA { background: var(--onlyA); } .legend .onlyB { background: var(--onlyB); }
.filter { width: 100%; max-width: 420px; padding: 6px 8px; margin: 6px 0; border: 1px solid var(--line); border-radius: 4px; }
.noise li { margin: 3px 0; } .reason { font-size: 12px; background: #eef0f4; border-radius: 3px; padding: 0 5px; color: var(--muted); }
`;

/** Filters: hide the listed items whose data-search text does not contain the typed words. */
export const REPORT_SCRIPT = `
for (const input of document.querySelectorAll('input.filter')) {
  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    for (const item of document.querySelectorAll(input.dataset.target)) {
      const text = item.dataset.search || '';
      item.hidden = !words.every((w) => text.includes(w));
    }
  });
}
`;
