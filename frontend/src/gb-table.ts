import { LitElement, css, html, nothing } from 'lit';

/**
 * A read-only table drawn in the browser from two JSON texts set by the server (GbTable).
 *
 * A wall screen shows a few small tables all day and the server updates them twice a second. A
 * Vaadin Grid keeps a data communicator, key mapper and per-column listeners on the server for each
 * open screen, and a table built of server-side elements keeps a state node per cell; here the
 * server keeps two strings per table and the browser renders them. Cells are plain text or a
 * coloured badge (tone `success`, `error`, `warning`, `contrast`); text is never read as HTML.
 *
 * For screen readers: header cells are column headers, the first cell of every row is that row's
 * header (in a headless label/value table, the label of its value), and `caption` names the table.
 * The caption is visually hidden, as views set it to the heading already shown above the table; a
 * heading's id cannot name the table from outside this shadow root.
 */
type Cell = string | { text: string; tone?: string };
type Column = { header?: string; numeric?: boolean };
const TONES = new Set(['success', 'error', 'warning', 'contrast']);

export class GbTable extends LitElement {
  static properties = {
    columns: { type: String },
    rows: { type: String },
    headless: { type: Boolean, reflect: true },
    caption: { type: String },
  };

  static styles = css`
    :host {
      display: block;
      font-size: var(--lumo-font-size-s);
      color: var(--lumo-body-text-color);
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: var(--lumo-space-xs) var(--lumo-space-s);
    }
    thead th {
      font-weight: 500;
      color: var(--lumo-secondary-text-color);
      border-bottom: 1px solid var(--lumo-contrast-10pct);
      white-space: nowrap;
    }
    tbody th {
      font-weight: inherit;
    }
    :host(:not([headless])) tbody tr:nth-child(even) {
      background: var(--lumo-contrast-5pct);
    }
    :host([headless]) th,
    :host([headless]) td {
      padding: 0 var(--lumo-space-s) var(--lumo-space-xs) 0;
    }
    :host([headless]) tbody th {
      color: var(--lumo-secondary-text-color);
    }
    .numeric {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    :host([headless]) td.numeric {
      font-weight: 600;
    }
    .badge {
      display: inline-block;
      border-radius: var(--lumo-border-radius-m);
      padding: 0.1em 0.5em;
      font-weight: 500;
      white-space: nowrap;
    }
    .success {
      color: var(--lumo-success-text-color);
      background: var(--lumo-success-color-10pct);
    }
    .error {
      color: var(--lumo-error-text-color);
      background: var(--lumo-error-color-10pct);
    }
    .warning {
      color: var(--lumo-warning-text-color, hsl(30, 100%, 32%));
      background: var(--lumo-warning-color-10pct, hsla(45, 100%, 50%, 0.15));
    }
    .contrast {
      color: var(--lumo-secondary-text-color);
      background: var(--lumo-contrast-10pct);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;

  columns = '[]';
  rows = '[]';
  headless = false;
  caption = '';

  private parsedColumns: Column[] = [];
  private parsedRows: Cell[][] = [];

  protected willUpdate() {
    this.parsedColumns = parse<Column[]>(this.columns);
    this.parsedRows = parse<Cell[][]>(this.rows);
  }

  render() {
    const columns = this.parsedColumns;
    const numeric = (i: number) => (columns[i]?.numeric ? 'numeric' : '');
    return html`<table>
      ${this.caption ? html`<caption class="visually-hidden">${this.caption}</caption>` : nothing}
      ${this.headless
        ? nothing
        : html`<thead><tr>${columns.map((c, i) => html`<th scope="col" class=${numeric(i)}>${c.header ?? ''}</th>`)}</tr></thead>`}
      <tbody>
        ${this.parsedRows.map(
          (row) => html`<tr>${row.map((cell, i) =>
            i === 0
              ? html`<th scope="row" class=${numeric(i)}>${renderCell(cell)}</th>`
              : html`<td class=${numeric(i)}>${renderCell(cell)}</td>`
          )}</tr>`
        )}
      </tbody>
    </table>`;
  }
}

function renderCell(cell: Cell) {
  if (cell === null || typeof cell !== 'object') {
    return cell ?? '';
  }
  return cell.tone && TONES.has(cell.tone) ? html`<span class="badge ${cell.tone}">${cell.text}</span>` : cell.text;
}

function parse<T>(text: string): T {
  try {
    const value = JSON.parse(text || '[]');
    return Array.isArray(value) ? (value as T) : ([] as unknown as T);
  } catch {
    return [] as unknown as T;
  }
}

if (!customElements.get('gb-table')) {
  customElements.define('gb-table', GbTable);
}
