// Lays out a mercator report from its JSON (the #report-data element) and
// renders every chart with vega-embed. window.mercatorReport records how
// many charts were expected, how many rendered and any errors, and turns
// done when every chart has settled (tests/report/check_report.mjs reads it).
(function () {
  'use strict';

  const record = { expected: 0, rendered: 0, errors: [], done: false };
  window.mercatorReport = record;

  const numberFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addHeader(main, report) {
    main.appendChild(element('h1', '', report.title));
    if (report.subtitle) main.appendChild(element('p', 'subtitle', report.subtitle));
    if (!report.facts.length) return;
    const facts = element('dl', 'facts');
    for (const fact of report.facts) {
      const row = element('div');
      row.appendChild(element('dt', '', fact.label));
      row.appendChild(element('dd', '', fact.value));
      facts.appendChild(row);
    }
    main.appendChild(facts);
  }

  function addContents(main, report) {
    const nav = element('nav');
    const list = element('ol');
    report.sections.forEach((section, index) => {
      const item = element('li');
      const link = element('a', '', section.title);
      link.href = '#section-' + (index + 1);
      item.appendChild(link);
      list.appendChild(item);
    });
    nav.appendChild(list);
    main.appendChild(nav);
  }

  function cellText(value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return numberFormat.format(value);
    return String(value);
  }

  function addTable(parent, table) {
    parent.appendChild(element('h3', '', table.title));
    if (table.note) parent.appendChild(element('p', 'note', table.note));
    if (!table.rows.length) return;
    const scroll = element('div', 'table-scroll');
    const node = element('table');
    const head = element('thead');
    const headRow = element('tr');
    for (const column of table.columns) headRow.appendChild(element('th', '', column));
    head.appendChild(headRow);
    node.appendChild(head);
    const body = element('tbody');
    for (const row of table.rows) {
      const tr = element('tr');
      for (const value of row) tr.appendChild(element('td', typeof value === 'number' ? 'number' : '', cellText(value)));
      body.appendChild(tr);
    }
    node.appendChild(body);
    scroll.appendChild(node);
    parent.appendChild(scroll);
  }

  // Returns the chart's view element and its spec with the dataset's rows put in.
  function addChart(parent, chart, datasets) {
    const figure = element('figure', 'chart');
    figure.appendChild(element('h3', '', chart.title));
    if (chart.description) figure.appendChild(element('p', 'description', chart.description));
    const view = element('div', 'view');
    figure.appendChild(view);
    parent.appendChild(figure);
    const spec = Object.assign({}, chart.spec);
    if (spec.data && spec.data.name !== undefined) {
      const rows = datasets[spec.data.name];
      if (!rows) throw new Error('no dataset "' + spec.data.name + '"');
      spec.data = { values: rows };
    }
    return { title: chart.title, view: view, spec: spec };
  }

  function renderChart(chart) {
    const options = {
      mode: 'vega-lite',
      renderer: 'svg',
      actions: { export: true, source: false, compiled: false, editor: false },
    };
    return vegaEmbed(chart.view, chart.spec, options).then(
      () => { record.rendered += 1; },
      (error) => {
        record.errors.push(chart.title + ': ' + error.message);
        chart.view.classList.add('failed');
        chart.view.textContent = 'This chart could not be drawn: ' + error.message;
      });
  }

  function build() {
    const report = JSON.parse(document.getElementById('report-data').textContent);
    const main = document.getElementById('report');
    main.textContent = '';
    addHeader(main, report);
    addContents(main, report);
    const charts = [];
    report.sections.forEach((section, index) => {
      const heading = element('h2', '', section.title);
      heading.id = 'section-' + (index + 1);
      main.appendChild(heading);
      for (const block of section.blocks) {
        if (block.type === 'note' && block.preformatted) {
          const details = element('details', 'note');
          details.appendChild(element('summary', '', block.summary || 'Details'));
          details.appendChild(element('pre', 'note', block.text));
          main.appendChild(details);
        } else if (block.type === 'note') {
          main.appendChild(element('p', 'note', block.text));
        } else if (block.type === 'table') {
          addTable(main, block);
        } else if (block.type === 'chart') {
          record.expected += 1;
          try {
            charts.push(addChart(main, block, report.datasets));
          } catch (error) {
            record.errors.push(block.title + ': ' + error.message);
          }
        }
      }
    });
    return Promise.all(charts.map(renderChart));
  }

  let built;
  try {
    built = build();
  } catch (error) {
    record.errors.push('report: ' + error.message);
    built = Promise.resolve();
  }
  built.then(() => { record.done = true; });
})();
