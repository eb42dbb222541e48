// Loaded by mocha before every test file (.mocharc.json "require"): the core
// reads the product data through a port, which the front ends install at start.
import { ensureNodeData } from '../src/node/data';

ensureNodeData();
