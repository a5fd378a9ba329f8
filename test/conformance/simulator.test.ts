import { VirtualClock } from '../../src/sim/clock.js';
import { createSimulatedCluster } from '../../src/sim/simulated-cluster.js';
import { runClusterSourceConformance } from './cluster-source-suite.js';

runClusterSourceConformance('the simulated cluster', () => {
  const cluster = createSimulatedCluster({ clock: new VirtualClock() });
  return { source: cluster, wait: (ms) => cluster.advance(ms), close: () => cluster.close() };
});
