// Deterministic order: path order, except specs that disturb the stack (resilience*.e2e-spec.ts)
// which run last so that no other spec sees Postgres or NATS going away.
const Sequencer = require('@jest/test-sequencer').default;

const disturbs = (path) => /(^|[\\/])resilience[^\\/]*\.e2e-spec\.ts$/.test(path);

class E2eSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => Number(disturbs(a.path)) - Number(disturbs(b.path)) || a.path.localeCompare(b.path));
  }
}

module.exports = E2eSequencer;
