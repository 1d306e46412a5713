/**
 * ATT&CK's detection strategies, analytics and mitigations (lib/attack/index-detection.ts, detection-model.ts), checked
 * against the raw 18.1 bundle read independently (test/helpers/raw-detection.ts).
 */
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { DETECTION_DATA, DETECTION_FORMAT, DetectionModel, loadAttackFile, loadDetection } from '../../lib/index.js';
import { freshTmpDir, loadRelease, stixFile, testCacheDir } from '../helpers/attack.js';
import { rawDetection } from '../helpers/raw-detection.js';

describe('DetectionModel (ATT&CK enterprise 18.1 against its raw bundle)', function () {
  this.timeout(60_000);
  const file = stixFile('enterprise-attack-18.1.json.gz');
  let model: DetectionModel;
  before(() => {
    const index = loadRelease('18.1');
    model = new DetectionModel(loadDetection(index, { cacheDir: testCacheDir() }), index);
  });

  it('gives every current technique the strategies, analytics and mitigations the bundle links to it', () => {
    const raw = rawDetection(file);
    expect(raw.techniques.size).to.be.greaterThan(600);
    for (const [id, expected] of raw.techniques) {
      const strategies = model.strategies(id);
      expect(strategies.map((s) => s.strategy.id).sort(), id).to.deep.equal([...expected.strategies].sort());
      const analytics = strategies.flatMap((s) => s.analytics.map((a) => ({ id: a.id, platforms: a.platforms, logSources: a.logSources.map((l) => ({ name: l.name, channel: l.channel ?? '' })) })));
      expect(analytics, id).to.deep.equal(expected.analytics);
      expect(model.mitigations(id).map((m) => m.mitigation.id).sort(), id).to.deep.equal([...expected.mitigations].sort());
    }
  });

  it('reads the channel "None" 18.1 writes (127 log sources) as no channel, so no report prints "auditd:EXECVE (None)"', () => {
    const rootkit = model.strategies('T1014').flatMap((s) => s.analytics).find((a) => a.id === 'AN1062');
    expect(rootkit?.logSources.find((l) => l.name === 'auditd:EXECVE')).to.deep.equal({ name: 'auditd:EXECVE' });
    const domains = model.strategies('T1583.001').flatMap((s) => s.analytics.flatMap((a) => a.logSources));
    expect([...new Set(domains.map((l) => JSON.stringify(l)))]).to.deep.equal(['{"name":"Domain Name"}']);
    expect(model.data.analytics.flatMap((a) => a.logSources).filter((l) => /none/i.test(l.channel ?? ''))).to.deep.equal([]);
  });

  it('counts the analytics that need each log source, overall and for one platform', () => {
    const raw = rawDetection(file).analytics;
    const need = (name: string, platform?: string): number =>
      raw.filter((a) => (!platform || a.platforms.includes(platform)) && a.logSources.some((l) => l.name === name)).length;
    const all = model.logSources();
    expect(all[0]?.name).to.equal('WinEventLog:Sysmon');
    for (const name of ['WinEventLog:Sysmon', 'WinEventLog:Security', 'auditd:SYSCALL', 'AWS:CloudTrail']) {
      expect(all.find((use) => use.name === name)?.analytics, name).to.equal(need(name));
      expect(model.logSources('Linux').find((use) => use.name === name)?.analytics ?? 0, `${name} on Linux`).to.equal(need(name, 'Linux'));
    }
  });

  it('has no strategies in ATT&CK 17.1 (they came with 18), but its mitigations', () => {
    const index = loadRelease('17.1');
    const old = new DetectionModel(loadDetection(index, { cacheDir: testCacheDir() }), index);
    expect(old.hasStrategies).to.equal(false);
    expect(old.strategies('T1566.001')).to.deep.equal([]);
    expect(old.mitigations('T1566.001').length).to.be.greaterThan(0);
  });

  it('is cached beside the index under the release file\'s hash, and read back from there', () => {
    const cacheDir = testCacheDir();
    const index = loadRelease('18.1');
    const path = join(cacheDir, 'index', `${index.data.source.sha256}.detection.v${DETECTION_FORMAT}.json`);
    expect(existsSync(path)).to.equal(true);
    expect(loadDetection(index, { cacheDir })).to.deep.equal(model.data);
  });

  it('is built from the same parse as the index on a cold load that asks for it: the bundle is read once', () => {
    // A copy of the release, removed once its index is loaded: any later read of the bundle would fail.
    const dir = freshTmpDir('one-parse');
    const copy = join(dir, 'enterprise-attack-18.1.json.gz');
    copyFileSync(file, copy);
    const cacheDir = join(dir, 'cache');
    const steps: string[] = [];
    const index = loadAttackFile(copy, { cacheDir, sideData: [DETECTION_DATA], onProgress: (p) => steps.push(p.step) });
    rmSync(copy);
    expect(steps).to.deep.equal(['read', 'parse', 'index', 'done']);
    // The same data as built from a parse of its own (model.data), kept with the index and written to the cache.
    expect(loadDetection(index)).to.deep.equal(model.data);
    const path = join(cacheDir, 'index', `${index.data.source.sha256}.detection.v${DETECTION_FORMAT}.json`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).to.deep.equal(model.data);
  });
});
