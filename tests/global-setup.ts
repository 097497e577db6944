import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One private temporary folder for the whole run, removed at its end: the tests' scratch folders, and what a
 * child `corpus` killed with SIGKILL cannot remove itself, live under it instead of piling up in the system's.
 * Set before the test workers and the CLI children start, which inherit TMPDIR and so `os.tmpdir()`.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-tests-'));
  // Like /tmp (sticky, open to all): the permission tests run the CLI as another user.
  chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
