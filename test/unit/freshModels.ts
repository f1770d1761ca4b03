/**
 * Every test starts with no cached document model. The recognizer caches models, and the answers
 * remembered on them, per text; StrykerJS's mocha runner keeps the test bundles loaded from one mutant to
 * the next, so a test hovering a text an earlier run had hovered read the answer computed before its
 * mutant was switched on, and the mutant survived. Each bundle holds its own copy of the core: each test
 * file that reaches the recognizer imports this file (directly or through its helpers) for its own hook.
 */
import { forgetModels } from '../../src/core/recognize/models';

beforeEach(forgetModels);
