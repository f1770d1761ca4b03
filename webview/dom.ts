/** Creates an element with attributes (and `text`) and children: the DOM without innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) {
      continue;
    }
    if (k === 'text') {
      node.textContent = String(v);
    } else {
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  node.append(...children);
  return node;
}

let nextId = 0;
/** A unique id for label/input pairs. */
export function uid(prefix: string): string {
  return `${prefix}-${++nextId}`;
}

/** A labelled range slider with a number input beside it, kept in step; `onValue` gets either's value. */
export function sliderWithNumber(opts: {
  label: string;
  min: number;
  max: number;
  step: number;
  /** NaN shows an empty number input (with `placeholder`): "not set, the default applies". */
  value: number;
  placeholder?: string;
  onValue(v: number): void;
}): { root: HTMLElement; set(v: number): void } {
  const id = uid('slider');
  const slider = el('input', {
    type: 'range',
    id,
    min: opts.min,
    max: opts.max,
    step: opts.step,
    value: opts.value,
  });
  const number = el('input', {
    type: 'number',
    step: 'any',
    value: Number.isNaN(opts.value) ? undefined : opts.value,
    placeholder: opts.placeholder,
    'aria-label': `${opts.label} value`,
  });
  slider.addEventListener('input', () => {
    number.value = slider.value;
    opts.onValue(Number(slider.value));
  });
  number.addEventListener('change', () => {
    const v = number.value.trim() === '' ? NaN : Number(number.value);
    if (Number.isFinite(v)) {
      slider.value = String(v);
    }
    opts.onValue(v);
  });
  const root = el(
    'div',
    { class: 'slider' },
    el('label', { for: id, text: opts.label }),
    slider,
    number,
  );
  return {
    root,
    set(v: number) {
      if (Number.isFinite(v)) {
        slider.value = String(v);
        number.value = String(v);
      } else {
        number.value = '';
      }
    },
  };
}
