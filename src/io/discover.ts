import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, normalize, relative, resolve, sep } from 'node:path';

/** One input to read: a file found under an argument, or stdin. */
export interface InputFile {
  /** File system path, or `-` for stdin. */
  path: string;
  /** Path relative to the argument it came from (`/` separators); `stdin` for stdin. */
  name: string;
}

/** A path that could not be used, with the reason in plain words. */
export interface InputProblem {
  path: string;
  message: string;
}

export interface Discovery {
  files: InputFile[];
  problems: InputProblem[];
  /** Real paths of the files found (stdin excluded), as discovery resolved them: what an output must not be. */
  realPaths: ReadonlySet<string>;
}

/** Plain-words reason for a file system error, for one-line messages. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'ENOTDIR': return 'not a directory';
    case 'EISDIR': return 'is a directory';
    default: return (err as Error)?.message ?? String(err);
  }
}

const isHidden = (name: string): boolean => name.startsWith('.');

/** Code-point order, independent of locale, so discovery is the same everywhere. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expands arguments into the files to read: directories recursively (hidden entries skipped,
 * symlinked directories followed once), files as they are, `-` as stdin. The result is sorted
 * by name so that the same files named in any order give the same run. Arguments are walked in the order of their
 * real paths, so a file that two of them reach (`d` and `d/sub`) is named from the outer one whatever their order.
 */
export async function findInputs(args: readonly string[]): Promise<Discovery> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const seenFiles = new Set<string>();
  const found: { arg: string; real: string; isDirectory: boolean }[] = [];
  for (const arg of args) {
    if (arg === '-') {
      if (!seenFiles.has('-')) files.push({ path: '-', name: 'stdin' });
      seenFiles.add('-');
      continue;
    }
    try {
      const info = await stat(arg);
      // A pipe named by a link to it (`<(zcat dump.gz)`'s /dev/fd/63, /dev/stdin on a pipe) has no real path: the
      // link's target is "pipe:[…]". It is read where it is named.
      const special = !info.isFile() && !info.isDirectory();
      const real = await realpath(arg).catch((err: unknown) => (special ? resolve(arg) : Promise.reject(err)));
      found.push({ arg, real, isDirectory: info.isDirectory() });
    } catch (err) {
      // (a name that is not UTF-8 reaches a program with U+FFFD in it, and names no file)
      const notUtf8 = arg.includes('\uFFFD') && (err as NodeJS.ErrnoException).code === 'ENOENT';
      problems.push({ path: arg, message: notUtf8 ? `${describeFsError(err)}: ${NOT_UTF8_ARGUMENT}` : describeFsError(err) });
    }
  }
  found.sort((a, b) => byCodePoint(a.real, b.real) || byCodePoint(a.arg, b.arg));
  for (const { arg, real, isDirectory } of found) {
    if (isDirectory) {
      await walkDirectory(arg, arg, new Set(), files, problems, seenFiles);
    } else {
      if (!seenFiles.has(real)) files.push({ path: arg, name: basename(arg) });
      seenFiles.add(real);
    }
  }
  files.sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.path, b.path));
  seenFiles.delete('-');
  return { files, problems, realPaths: seenFiles };
}

async function walkDirectory(
  dir: string,
  root: string,
  ancestors: Set<string>,
  files: InputFile[],
  problems: InputProblem[],
  seenFiles: Set<string>,
): Promise<void> {
  let real: string;
  let entries;
  try {
    real = await realpath(dir);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ path: dir, message: describeFsError(err) });
    return;
  }
  // A directory that is its own ancestor is a symlink loop: report it once and go on.
  if (ancestors.has(real)) {
    problems.push({ path: dir, message: 'directory symlink loop, skipped' });
    return;
  }
  const inside = new Set(ancestors).add(real);
  // Names that are not UTF-8 (Latin-1 names of an old archive) come back with U+FFFD in them: no path can name
  // such a file, and two of them may read the same, so each is reported rather than lost.
  const unreadable = entries.some((e) => e.name.includes('\uFFFD')) ? await namesNotUtf8(dir) : null;
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  // An entry's path, real path and name are its folder's plus its own name, joined once per folder here: path.join
  // and path.relative per file were most of finding 100k files (an entry name holds no separator, and is never
  // "." or "..").
  const pathOf = childPath(dir);
  const realOf = childPath(real);
  const inRoot = relative(root, dir).split(sep).join('/');
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const path = pathOf(entry.name);
    if (unreadable?.has(entry.name)) {
      problems.push({ path, message: NOT_UTF8_NAME });
      continue;
    }
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (err) {
        problems.push({ path, message: describeFsError(err) });
        continue;
      }
    }
    if (isDir) {
      await walkDirectory(path, root, inside, files, problems, seenFiles);
    } else if (isFile) {
      // A plain file's real path is its folder's plus its name; only a symlink needs resolving (one call per
      // file made discovery of 80k pages take seconds).
      let fileReal = realOf(entry.name);
      if (entry.isSymbolicLink()) {
        try {
          fileReal = await realpath(path);
        } catch (err) {
          problems.push({ path, message: describeFsError(err) });
          continue;
        }
      }
      if (seenFiles.has(fileReal)) continue;
      seenFiles.add(fileReal);
      files.push({ path, name: inRoot ? `${inRoot}/${entry.name}` : entry.name });
    }
  }
}

const NOT_UTF8_NAME = 'file name is not valid UTF-8, skipped (rename it, e.g. convmv -f latin1 -t utf8 --notest)';
const NOT_UTF8_ARGUMENT = 'if its name is not valid UTF-8, rename it (e.g. convmv -f latin1 -t utf8 --notest)';

/** The names of a folder's entries that are not valid UTF-8, as Node decodes them (U+FFFD for each bad byte). */
async function namesNotUtf8(dir: string): Promise<Set<string>> {
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const raw of await readdir(dir, { encoding: 'buffer' })) {
    try {
      decoder.decode(raw);
    } catch {
      names.add(raw.toString('utf8'));
    }
  }
  return names;
}

/** path.join(dir, name) for the names of a folder's entries, with `dir` normalised once (exported for tests). */
export function childPath(dir: string): (name: string) => string {
  const base = normalize(dir);
  // join('.', name) and join('./', name) are name itself
  const prefix = base === '.' || base === `.${sep}` ? '' : base.endsWith(sep) ? base : base + sep;
  return (name) => prefix + name;
}
