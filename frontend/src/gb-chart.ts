import { LitElement, css, html, nothing, PropertyValues } from 'lit';
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

/**
 * A Chart.js chart whose data and options are set from Java (GbChart): the data as a JSON text (one text
 * the server writes once and hands to every open screen of a venue), the options as an object.
 *
 * New data is copied into the existing chart and animated, never re-created, so a live chart
 * moves instead of flickering. Colours follow the Lumo theme: a dataset names a colour role
 * (`primary`, `success`, `error`, `contrast`) and the element resolves it from the theme's
 * custom properties. Labels come translated from the server.
 *
 * A canvas says nothing to a screen reader: the element also renders the figures as a visually
 * hidden table (a row per label, a column per dataset), and the canvas is an image whose label,
 * `description`, says that the table follows. `caption` names the table, `labelHeader` heads its
 * first column; all three come translated from the server.
 */
const ROLES: Record<string, string> = {
  primary: '--lumo-primary-color',
  success: '--lumo-success-color',
  error: '--lumo-error-color',
  warning: '--lumo-warning-color',
  contrast: '--lumo-contrast-60pct',
};

type Dataset = { label: string; data: number[]; colorRole?: string; [key: string]: unknown };
type ChartData = { labels: string[]; datasets: Dataset[] };

export class GbChart extends LitElement {
  static properties = {
    type: { type: String },
    data: { type: String },
    options: { attribute: false },
    description: { type: String },
    caption: { type: String },
    labelHeader: { type: String },
  };

  static styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 16rem;
    }
    .wrap {
      position: absolute;
      inset: 0;
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

  declare type: string;
  declare data: string;
  declare options: Record<string, unknown>;
  declare description: string;
  declare caption: string;
  declare labelHeader: string;

  private chart?: Chart;
  private parsed: ChartData = { labels: [], datasets: [] };

  constructor() {
    super();
    this.type = 'bar';
    this.data = '{"labels":[],"datasets":[]}';
    this.options = {};
    this.description = '';
    this.caption = '';
    this.labelHeader = '';
  }

  protected willUpdate(changed: PropertyValues) {
    if (changed.has('data')) {
      this.parsed = parseData(this.data);
    }
  }

  render() {
    const labels = this.parsed.labels;
    const datasets = this.parsed.datasets;
    const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    return html`<div class="wrap">
        <canvas part="canvas" role=${this.description ? 'img' : nothing} aria-label=${this.description || nothing}></canvas>
      </div>
      <div class="visually-hidden" part="figures"><table>
        ${this.caption ? html`<caption>${this.caption}</caption>` : nothing}
        <thead>
          <tr><th scope="col">${this.labelHeader}</th>${datasets.map((ds) => html`<th scope="col">${ds.label}</th>`)}</tr>
        </thead>
        <tbody>
          ${labels.map(
            (label, i) => html`<tr>
              <th scope="row">${label}</th>${datasets.map((ds) => html`<td>${typeof ds.data[i] === 'number' ? number.format(ds.data[i]) : ''}</td>`)}
            </tr>`
          )}
        </tbody>
      </table></div>`;
  }

  connectedCallback() {
    super.connectedCallback();
    // Vaadin may detach and re-attach the same element; the chart is re-created then.
    if (this.hasUpdated && !this.chart) {
      this.create();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected firstUpdated() {
    this.create();
  }

  protected updated(changed: PropertyValues) {
    if (!this.chart || !changed.size) {
      return;
    }
    if (changed.has('type')) {
      this.chart.destroy();
      this.create();
      return;
    }
    if (changed.has('options')) {
      this.chart.options = this.themedOptions() as never;
    }
    if (changed.has('data')) {
      this.copyData();
    }
    this.chart.update();
  }

  /** Copies the new labels and numbers into the chart's existing objects, so Chart.js animates the change. */
  private copyData() {
    const target = this.chart!.data;
    const source = this.themedData();
    target.labels = source.labels;
    source.datasets.forEach((ds, i) => {
      const existing = target.datasets[i];
      if (existing) {
        Object.assign(existing, ds);
      } else {
        target.datasets.push(ds as never);
      }
    });
    target.datasets.length = source.datasets.length;
  }

  private create() {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) {
      return;
    }
    this.chart = new Chart(canvas, {
      type: this.type as never,
      data: this.themedData() as never,
      options: this.themedOptions() as never,
    });
  }

  private css(name: string, fallback: string) {
    const value = getComputedStyle(this).getPropertyValue(name).trim();
    return value || fallback;
  }

  private themedData(): ChartData {
    const data = this.parsed;
    return {
      labels: [...(data.labels ?? [])],
      datasets: (data.datasets ?? []).map((ds) => {
        const color = this.css(ROLES[ds.colorRole ?? 'primary'] ?? ROLES.primary, '#1676f3');
        return { ...ds, data: [...ds.data], backgroundColor: color, borderColor: color, borderWidth: 1 };
      }),
    };
  }

  private themedOptions(): Record<string, any> {
    const text = this.css('--lumo-secondary-text-color', '#666');
    const grid = this.css('--lumo-contrast-10pct', 'rgba(0,0,0,0.1)');
    const font = this.css('--lumo-font-family', 'sans-serif');
    const base: Record<string, any> = {
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 400 },
      color: text,
      font: { family: font },
      plugins: { legend: { labels: { color: text, font: { family: font } } } },
      scales: {
        x: { ticks: { color: text, font: { family: font } }, grid: { color: grid } },
        y: { beginAtZero: true, ticks: { color: text, precision: 0, font: { family: font } }, grid: { color: grid } },
      },
    };
    return merge(base, this.options ?? {});
  }
}

function parseData(text: string): ChartData {
  try {
    const value = JSON.parse(text || '{}');
    return {
      labels: Array.isArray(value?.labels) ? value.labels : [],
      datasets: Array.isArray(value?.datasets) ? value.datasets : [],
    };
  } catch {
    return { labels: [], datasets: [] };
  }
}

function merge(target: Record<string, any>, source: Record<string, any>): Record<string, any> {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof target[key] === 'object') {
      target[key] = merge({ ...target[key] }, value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

if (!customElements.get('gb-chart')) {
  customElements.define('gb-chart', GbChart);
}
