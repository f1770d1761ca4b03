/** The hover settings the unit tests start from: the defaults of package.json, every section on. */
import type { HoverSection } from '../../src/config';
import type { HoverSettings } from '../../src/hover/hoverMarkdown';

export const ALL_ON: Readonly<Record<HoverSection, boolean>> = {
  formulas: true,
  plot: true,
  values: true,
  properties: true,
  differences: true,
  actions: true,
};

export const SETTINGS: HoverSettings = {
  sections: ALL_ON,
  significantDigits: 4,
  plotRange: 'auto',
  fixedRange: 5,
};
