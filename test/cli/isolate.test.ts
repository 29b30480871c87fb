import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkFile, FileOutcome } from '../../src/cli/checkFile';
import { checkFileIsolated, closeIsolation, ISOLATION_LIMITS, readLastYearIsolated, setIsolationLimits } from '../../src/cli/isolate';
import { consistentReport, seededRandom, zeroReport } from '../../src/report/standard/generate';

// One file that crashes the reader, exhausts its memory or never finishes cannot lose the others.

afterEach(async () => {
  await closeIsolation();
  setIsolationLimits(ISOLATION_LIMITS);
});

describe('checkFileIsolated', () => {
  it('gives the same outcome as checkFile, through the real worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-isolate-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(consistentReport('2021', seededRandom(3))));
    const bad = join(dir, 'bad.json');
    const report = zeroReport('2021');
    report.cells['T3.NEW.NP'] = 5;
    writeFileSync(bad, JSON.stringify(report));
    const missing = join(dir, 'missing.txt');
    const lastYear = zeroReport('2019');
    for (const file of [good, bad, missing]) {
      expect(await checkFileIsolated(file, { lastYear })).toEqual(await checkFile(file, { lastYear }));
    }
  }, 60000);

  it('reports a file that exhausts memory, never answers, exits, aborts the process, is killed or throws, and checks the next ones', async () => {
    // The time limit leaves room for V8's last collections before it gives up on a full heap, on a
    // busy machine too: with 1.5 s the file that exhausts memory was sometimes reported as a timeout.
    setIsolationLimits({
      workerScript: join(__dirname, '..', 'helpers', 'misbehavingWorker.js'),
      maxOldGenerationSizeMb: 48,
      timeoutMs: 8000,
    });
    const files = ['a', 'b.oom', 'c', 'd.hang', 'e', 'f.exit', 'g', 'h.throw', 'i', 'j.abort', 'k', 'l.kill', 'm.big', 'n'];
    const outcomes = await Promise.all(files.map((f) => checkFileIsolated(f)));
    expect(outcomes.map((o) => o.file)).toEqual(files);
    const reason = (f: string) => outcomes[files.indexOf(f)].unreadable;
    for (const ok of ['a', 'c', 'e', 'g', 'i', 'k', 'm.big', 'n']) expect(reason(ok)).toBeUndefined();
    expect(reason('b.oom')).toContain('内存不足');
    expect(reason('d.hang')).toContain('超时');
    expect(reason('f.exit')).toContain('校验进程意外退出（退出码 3）');
    expect(reason('h.throw')).toContain('校验进程意外退出（退出码 1）');
    // V8's fatal errors abort the process that hits them: only that child, never the command.
    expect(reason('j.abort')).toContain('校验进程意外终止（信号 SIGABRT）');
    expect(reason('l.kill')).toContain('校验进程意外终止（信号 SIGKILL）');
  }, 60000);

  it('reads last year’s report in a child under the same limits: one that never finishes is stopped with the reason', async () => {
    setIsolationLimits({ workerScript: join(__dirname, '..', 'helpers', 'misbehavingWorker.js'), timeoutMs: 1500 });
    await expect(readLastYearIsolated('last.hang')).rejects.toThrow('超时');
    await expect(readLastYearIsolated('last.json')).resolves.toEqual({ format: '2021', cells: {} });
  }, 60000);

  it('checks several files at once, one a child, and gives each outcome to its own call in order', async () => {
    setIsolationLimits({ workerScript: join(__dirname, '..', 'helpers', 'misbehavingWorker.js'), poolSize: 2, timeoutMs: 8000 });
    const files = Array.from({ length: 12 }, (_, i) => `f${i}`);
    const outcomes = await Promise.all(files.map((f) => checkFileIsolated(f)));
    expect(outcomes.map((o) => o.file)).toEqual(files);
  }, 60000);

  it('hands a child the next files while it checks one (no wait between files), the time limit running for each file alone', async () => {
    setIsolationLimits({
      workerScript: join(__dirname, '..', 'helpers', 'misbehavingWorker.js'),
      poolSize: 1,
      inFlight: 3,
      timeoutMs: 1500,
    });
    const files = ['a.slow', 'b.slow', 'c.slow', 'd'];
    const outcomes = (await Promise.all(files.map((f) => checkFileIsolated(f)))) as (FileOutcome & { received?: number })[];
    // Three files of 0.7 s each were queued at once in one child: none hit the 1.5 s limit.
    expect(outcomes.map((o) => o.unreadable)).toEqual([undefined, undefined, undefined, undefined]);
    expect(outcomes[0].received).toBe(3);
  }, 60000);

  it('checks the files queued behind one that took its child down in another child', async () => {
    setIsolationLimits({
      workerScript: join(__dirname, '..', 'helpers', 'misbehavingWorker.js'),
      poolSize: 1,
      inFlight: 4,
      timeoutMs: 8000,
    });
    const files = ['a', 'b.abort', 'c', 'd', 'e.hang', 'f', 'g'];
    setIsolationLimits({ timeoutMs: 3000 });
    const outcomes = await Promise.all(files.map((f) => checkFileIsolated(f)));
    expect(outcomes.map((o) => o.unreadable ?? 'ok')).toEqual([
      'ok',
      '校验进程意外终止（信号 SIGABRT），已停止',
      'ok',
      'ok',
      '超时：读取和校验此文件超过 3 秒，已停止',
      'ok',
      'ok',
    ]);
  }, 60000);

  it('lets the process exit while the worker is idle', async () => {
    const { spawnSync } = await import('child_process');
    const script = `
      require(${JSON.stringify(join(__dirname, '..', '..', 'bin', 'register-ts.js'))}).registerTypeScript();
      const { checkFileIsolated } = require(${JSON.stringify(join(__dirname, '..', '..', 'src', 'cli', 'isolate.ts'))});
      checkFileIsolated('/nonexistent/x.json').then((o) => console.log(o.unreadable));`;
    const r = spawnSync('node', ['-e', script], { encoding: 'utf8', timeout: 30000 });
    expect(r.signal).toBeNull();
    expect(r.stdout.trim()).toBe('文件不存在');
  }, 60000);
});
