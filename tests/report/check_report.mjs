// Opens mercator reports in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core from node_modules) and fails unless every chart
// drew: the page's record (window.mercatorReport) says all expected charts
// rendered without error, each chart holds an SVG or canvas of non-zero
// size with drawn marks, the console shows no error and the page asked for
// nothing outside its own file (a report must work offline).
//
//   node tests/report/check_report.mjs --mercator BIN --fixture-maker BIN
//       makes a run report (a short run of tests/scenarios/mechanisms.toml)
//       and a database report (the fixture of fixture_database.hpp) in a
//       temporary directory, then checks both (the ctest);
//   node tests/report/check_report.mjs [--screenshots DIR] REPORT.html ...
//       checks reports already made.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const renderTimeoutMs = 60000;

function parseArguments(argv) {
  const options = { reports: [], screenshots: '', mercator: '', fixtureMaker: '' };
  for (let k = 0; k < argv.length; k += 1) {
    const argument = argv[k];
    if (argument === '--mercator') options.mercator = argv[++k];
    else if (argument === '--fixture-maker') options.fixtureMaker = argv[++k];
    else if (argument === '--screenshots') options.screenshots = argv[++k];
    else options.reports.push({ path: resolve(argument), minCharts: 1 });
  }
  return options;
}

function run(command, args) {
  console.log('$ ' + [command, ...args].join(' '));
  execFileSync(command, args, { stdio: 'inherit' });
}

// The reports of the ctest, each with the fewest charts it must have: a run
// report draws at least penetration, active buyers, GMV and the
// counterfeit/dispute chart; the fixture database gives one scatter, two
// attribution, one sensitivity and two series charts.
function makeReports(options, directory) {
  const runDirectory = join(directory, 'run');
  run(options.mercator, ['run', 'tests/scenarios/mechanisms.toml', '--quiet', '--threads', '2',
    '--set', 'run.end_date="2012-06-30"', '--out', runDirectory]);
  run(options.mercator, ['report', runDirectory]);
  const database = join(directory, 'fixture.sqlite');
  run(options.fixtureMaker, [database]);
  run(options.mercator, ['report', database]);
  return [
    { path: join(runDirectory, 'report.html'), minCharts: 4 },
    { path: join(directory, 'fixture.html'), minCharts: 6 },
  ];
}

// In the page: each chart's drawing, measured.
function measureCharts() {
  return Array.from(document.querySelectorAll('figure.chart')).map((figure) => {
    const title = figure.querySelector('h3').textContent;
    const surface = figure.querySelector('.view svg, .view canvas');
    if (!surface) return { title, problem: 'no svg or canvas' };
    const box = surface.getBoundingClientRect();
    let marks = 0;
    if (surface.tagName.toLowerCase() === 'svg') {
      for (const mark of surface.querySelectorAll('.role-mark > *')) {
        const extent = mark.getBBox();
        if (extent.width > 0 || extent.height > 0) marks += 1;
      }
    } else {
      const pixels = surface.getContext('2d').getImageData(0, 0, surface.width, surface.height).data;
      for (let k = 3; k < pixels.length; k += 4) marks += pixels[k] > 0 ? 1 : 0;
    }
    return { title, width: box.width, height: box.height, marks };
  });
}

async function checkReport(browser, report, screenshots) {
  const problems = [];
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push('console error: ' + message.text());
    else if (message.type() === 'warning') console.log('  console warning: ' + message.text());
  });
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push('asked the network for ' + url);
    return route.abort();
  });
  await page.goto(pathToFileURL(report.path).href);
  await page.waitForFunction(() => window.mercatorReport && window.mercatorReport.done, null,
    { timeout: renderTimeoutMs });
  const record = await page.evaluate(() => window.mercatorReport);
  const payloadCharts = await page.evaluate(
    () => JSON.parse(document.getElementById('report-data').textContent).chart_count);
  if (record.expected !== payloadCharts) problems.push(`expected ${record.expected} charts, the data lists ${payloadCharts}`);
  if (record.expected < report.minCharts) problems.push(`only ${record.expected} charts; expected at least ${report.minCharts}`);
  if (record.rendered !== record.expected) problems.push(`${record.rendered} of ${record.expected} charts rendered`);
  for (const error of record.errors) problems.push('chart error: ' + error);
  const charts = await page.evaluate(measureCharts);
  if (charts.length !== record.expected) problems.push(`${charts.length} chart figures on the page; expected ${record.expected}`);
  for (const chart of charts) {
    if (chart.problem) problems.push(`"${chart.title}": ${chart.problem}`);
    else if (!(chart.width > 0 && chart.height > 0)) problems.push(`"${chart.title}": drawn at ${chart.width}x${chart.height}`);
    else if (chart.marks === 0) problems.push(`"${chart.title}": no marks drawn`);
  }
  if (screenshots) {
    mkdirSync(screenshots, { recursive: true });
    const name = report.path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+/, '') + '.png';
    await page.screenshot({ path: join(screenshots, name), fullPage: true });
  }
  await page.close();
  return { charts: record.expected, problems };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: run \`make setup\` (scripts/setup.sh installs Debian's chromium)`);
  }
  let directory = '';
  let reports = options.reports;
  if (options.mercator) {
    directory = mkdtempSync(join(tmpdir(), 'mercator-report-test-'));
    reports = reports.concat(makeReports(options, directory));
  }
  if (!reports.length) throw new Error('no report to check; give REPORT.html or --mercator and --fixture-maker');
  // Chromium's sandbox needs user namespaces a root container may not give.
  const args = process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [];
  const browser = await chromium.launch({ executablePath: chromiumPath, args });
  let failed = 0;
  try {
    for (const report of reports) {
      const result = await checkReport(browser, report, options.screenshots);
      if (result.problems.length) {
        failed += 1;
        console.log(`FAIL ${report.path}`);
        for (const problem of result.problems) console.log('  ' + problem);
      } else {
        console.log(`ok ${report.path}: ${result.charts} of ${result.charts} charts drawn`);
      }
    }
  } finally {
    await browser.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  }
  console.log(`${reports.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error('check_report: ' + error.message);
  process.exitCode = 1;
});
