/**
 * The page of Probes › Check google.script.run (dist-probes/wire.html): in a real browser, it sends
 * what the wire probes need through google.script.run, looks at what comes back, and records one
 * row per probe in the report (recordProbes). Plain ES2019 in a string: it is the page's own script.
 */
export const WIRE_PAGE = `<!DOCTYPE html>
<html>
<head><base target="_top"><meta charset="utf-8"></head>
<body style="font: 14px sans-serif">
<p id="status">Checking google.script.run…</p>
<script>
function call(fn, args) {
  return new Promise(function (resolve) {
    var runner = google.script.run
      .withSuccessHandler(function (v) { resolve({ ok: true, value: v }); })
      .withFailureHandler(function (e) { resolve({ ok: false, error: String((e && e.message) || e) }); });
    try {
      runner[fn].apply(runner, args);
    } catch (e) {
      resolve({ ok: false, error: 'threw in the page: ' + String((e && e.message) || e) });
    }
  });
}
function seen(r) { return JSON.stringify(r); }
async function main() {
  var rows = [];
  var echo = await call('probeWireEcho', [{ a: undefined, list: [1, undefined] }]);
  var nulls = echo.ok && echo.value && echo.value.fieldNull === true && echo.value.itemNull === true;
  rows.push(['wire_undefined_null', nulls ? 'pass' : 'fail', 'echo: ' + seen(echo)]);
  var cycle = {};
  cycle.self = cycle;
  var bad = [
    ['a Date', [new Date()]],
    ['a Date in an object', [{ d: new Date() }]],
    ['a function in an object', [{ f: function () {} }]],
    ['a Map', [new Map([[1, 2]])]],
    ['a Set', [new Set([1])]],
    ['a cycle', [cycle]],
  ];
  var lines = [];
  var allFailed = true;
  for (var i = 0; i < bad.length; i++) {
    var r = await call('probeWireEcho', bad[i][1]);
    if (r.ok) allFailed = false;
    lines.push(bad[i][0] + ': ' + seen(r));
  }
  rows.push(['wire_illegal_args', allFailed ? 'pass' : 'fail', lines.join('\\n')]);
  var dated = await call('probeWireDate', []);
  rows.push(['wire_date_result_null', dated.ok && dated.value === null ? 'pass' : 'fail', 'result: ' + seen(dated)]);
  var first = await call('probeModuleCount', []);
  var second = await call('probeModuleCount', []);
  var fresh = first.ok && second.ok && first.value === 1 && second.value === 1;
  rows.push(['run_fresh_context', fresh ? 'pass' : 'fail', 'two calls: ' + seen(first) + ', ' + seen(second)]);
  await call('recordProbes', [rows]);
  document.getElementById('status').textContent =
    'Done: ' + rows.map(function (r) { return r[0] + ' ' + r[1]; }).join(', ') + '. The report has them.';
}
main();
</script>
</body>
</html>
`;
