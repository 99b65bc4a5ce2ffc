// The list entry (/tasks/entry) as a spreadsheet: arrow keys and Enter move from cell to cell,
// and a column or block copied from Excel (tab- and newline-separated) fills the cells
// downward and rightward from the one pasted into. The form works without this script.
// Each control carries data-col (its column) and data-row (the first table line it sits on).
(function () {
  'use strict';
  const form = document.querySelector('form.list-entry');
  if (!form) return;

  const controls = () => Array.from(form.querySelectorAll('[data-col]')).filter((el) => !el.disabled && el.offsetParent !== null);
  const position = (el) => ({ col: Number(el.dataset.col), row: Number(el.dataset.row) });

  /** The column's controls from the top down. */
  function column(col) {
    return controls()
      .filter((el) => position(el).col === col)
      .sort((a, b) => position(a).row - position(b).row);
  }

  /** In column `col`, the control on line `row`, else the last one above it (a cell spanning several lines). */
  function at(col, row) {
    let found = null;
    for (const el of column(col)) if (position(el).row <= row) found = el;
    return found;
  }

  function columnsBeside(col, direction) {
    const cols = Array.from(new Set(controls().map((el) => position(el).col))).sort((a, b) => a - b);
    return direction > 0 ? cols.filter((c) => c > col) : cols.filter((c) => c < col).reverse();
  }

  function vertical(el, direction) {
    const list = column(position(el).col);
    return list[list.indexOf(el) + direction] || null;
  }

  function horizontal(el, direction) {
    const { row } = position(el);
    for (const col of columnsBeside(position(el).col, direction)) {
      const next = at(col, row);
      if (next) return next;
    }
    return null;
  }

  function move(target) {
    if (!target) return;
    target.focus();
    if (isText(target)) target.select();
  }

  const isText = (el) => el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && el.type === 'text');
  // A cell reached by the keyboard has its whole text selected, as in a spreadsheet: it moves on either way.
  const wholeSelected = (el) => el.selectionStart === 0 && el.selectionEnd === el.value.length;
  const caretAtStart = (el) => !isText(el) || wholeSelected(el) || (el.selectionStart === 0 && el.selectionEnd === 0);
  const caretAtEnd = (el) => !isText(el) || wholeSelected(el) || (el.selectionStart === el.value.length && el.selectionEnd === el.value.length);

  form.addEventListener('keydown', (event) => {
    const el = event.target;
    if (!(el instanceof HTMLElement) || !el.dataset.col || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    let target;
    switch (event.key) {
      case 'ArrowDown':
        if (el.tagName === 'TEXTAREA' && !caretAtEnd(el)) return;
        target = vertical(el, 1);
        break;
      case 'ArrowUp':
        if (el.tagName === 'TEXTAREA' && !caretAtStart(el)) return;
        target = vertical(el, -1);
        break;
      case 'ArrowRight':
        if (!caretAtEnd(el)) return;
        target = horizontal(el, 1);
        break;
      case 'ArrowLeft':
        if (!caretAtStart(el)) return;
        target = horizontal(el, -1);
        break;
      case 'Enter':
        // Enter moves down (Shift+Enter up), as in a spreadsheet; Alt+Enter is a new line in a text.
        target = vertical(el, event.shiftKey ? -1 : 1);
        break;
      default:
        return;
    }
    event.preventDefault();
    move(target);
  });

  form.addEventListener('keydown', (event) => {
    const el = event.target;
    if (event.key !== 'Enter' || !event.altKey || el.tagName !== 'TEXTAREA') return;
    event.preventDefault();
    const start = el.selectionStart;
    el.setRangeText('\n', start, el.selectionEnd, 'end');
  });

  // A grade other than the suggestion needs a reason (domain.md, rule 4): the hint beside the reason follows the grade.
  function updateHint(grade) {
    const hint = document.getElementById(grade.id + '-hint');
    const reason = document.querySelector('[name="' + CSS.escape(grade.name.replace(/\/grade$/, '/gradeReason')) + '"]');
    if (!hint || !reason) return;
    const suggested = grade.dataset.suggested;
    hint.hidden = !(suggested && grade.value && grade.value !== suggested && reason.value.trim() === '');
  }

  form.addEventListener('change', (event) => {
    const el = event.target;
    if (el instanceof HTMLSelectElement && el.dataset.suggested !== undefined) updateHint(el);
  });
  form.addEventListener('input', (event) => {
    const el = event.target;
    if (el instanceof HTMLInputElement && el.name.endsWith('/gradeReason')) {
      const grade = document.querySelector('[name="' + CSS.escape(el.name.replace(/\/gradeReason$/, '/grade')) + '"]');
      if (grade) updateHint(grade);
    }
  });

  /** Excel's text: rows by line, cells by tab; a cell holding a line break or tab comes quoted. */
  function parseBlock(text) {
    const rows = [[]];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && cell === '') quoted = true;
      else if (ch === '\t') {
        rows[rows.length - 1].push(cell);
        cell = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        rows[rows.length - 1].push(cell);
        cell = '';
        rows.push([]);
      } else cell += ch;
    }
    rows[rows.length - 1].push(cell);
    // Excel ends a copied block with a line break: no empty row after it.
    while (rows.length > 1 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
    return rows;
  }

  const CHECKED = /^(true|1|✓|✔|○|〇|yes|y|速報|速報値)$/i;

  function fill(el, value) {
    if (el.type === 'checkbox') el.checked = CHECKED.test(value.trim());
    else if (el.tagName === 'SELECT') {
      const option = Array.from(el.options).find((o) => o.value === value.trim());
      if (!option) return;
      el.value = option.value;
    } else el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }

  form.addEventListener('paste', (event) => {
    const el = event.target;
    if (!(el instanceof HTMLElement) || !el.dataset.col) return;
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    if (!/[\t\n\r]/.test(text)) return; // one value: the browser pastes it into the cell itself
    // Paragraphs pasted into a text (from a document, not a sheet) stay in that text; Excel quotes a cell holding line breaks.
    if (el.tagName === 'TEXTAREA' && !text.includes('\t') && !text.startsWith('"')) return;
    event.preventDefault();
    const block = parseBlock(text);
    const start = position(el);
    const cols = [start.col, ...columnsBeside(start.col, 1)];
    block[0].forEach((_, c) => {
      const col = cols[c];
      if (col === undefined) return;
      const list = column(col);
      const top = at(col, start.row);
      let index = list.indexOf(top);
      if (index < 0) return;
      for (const row of block) {
        const target = list[index++];
        if (!target) break;
        if (row[c] !== undefined) fill(target, row[c]);
      }
    });
  });
})();
