// Prints the per-test results a suite run wrote (see suite/index.ts) and counts them; shared by the launchers.
export function printResults(results) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const t of results?.tests ?? []) {
    const ms = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
    if (t.state === 'passed') {
      passed++;
      console.log(`  ok    ${t.fullTitle}${ms}`);
    } else if (t.state === 'pending') {
      skipped++;
      console.log(`  skip  ${t.fullTitle}`);
    } else {
      failed++;
      console.log(`  FAIL  ${t.fullTitle}${ms}`);
      if (t.error) console.log(t.error.replace(/^/gm, '        '));
    }
  }
  return { passed, failed, skipped };
}
