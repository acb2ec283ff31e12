// One line per finished test file with the time since the run began, and every minute a line naming
// the files still running and for how long. CI only shows the tail of the log, so a slow or hung file
// must be named there rather than hidden behind the default reporter's summary.
import { relative } from 'node:path';

const STALL_REPORT_MS = 60_000;

function clock(ms) {
  const s = Math.round(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export default class ProgressReporter {
  startedAt = Date.now();
  running = new Map();
  timer = undefined;

  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunStart(specifications) {
    this.startedAt = Date.now();
    console.log(`[progress] ${specifications.length} test files`);
    this.timer = setInterval(() => this.reportRunning(), STALL_REPORT_MS);
    this.timer.unref();
  }

  onTestModuleStart(testModule) {
    this.running.set(testModule.moduleId, Date.now());
  }

  onTestModuleEnd(testModule) {
    const began = this.running.get(testModule.moduleId) ?? this.startedAt;
    this.running.delete(testModule.moduleId);
    const tests = [...testModule.children.allTests()];
    const failed = tests.filter((t) => t.result().state === 'failed').length;
    const mark = testModule.state() === 'failed' || failed > 0 ? 'FAIL' : 'ok';
    console.log(
      `[progress ${clock(Date.now() - this.startedAt)}] ${mark} ${testModule.project.name} ${this.name(testModule.moduleId)} (${tests.length} tests, ${((Date.now() - began) / 1000).toFixed(1)} s)`,
    );
  }

  onTestRunEnd() {
    clearInterval(this.timer);
    console.log(`[progress ${clock(Date.now() - this.startedAt)}] run ended`);
  }

  reportRunning() {
    const now = Date.now();
    const lines = [...this.running].map(([id, t]) => `${this.name(id)} ${clock(now - t)}`);
    console.log(`[progress ${clock(now - this.startedAt)}] still running: ${lines.join(', ') || 'nothing'}`);
  }

  name(moduleId) {
    return this.root ? relative(this.root, moduleId) : moduleId;
  }
}
