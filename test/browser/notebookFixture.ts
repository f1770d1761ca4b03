// The notebook the notebook and web host tests open, and the calls in it they plot.

/** test/fixtures/notebook/plot_cells.ipynb: cell 1 imports, cell 3 calls. */
export const NOTEBOOK = 'notebook/plot_cells.ipynb';
/** `F.leaky_relu(x, 0.2)`: `F` is imported in cell 1. */
export const LEAKY = { text: 'leaky_relu(x, 0.2)', series: { name: 'Leaky ReLU', param: 0.2 } };
/** `elu(x, alpha=0.5)`: a bare name, an activation only through cell 1's `from … import elu`. */
export const ELU = { text: 'elu(x, alpha=0.5)', series: { name: 'ELU', param: 0.5 } };
