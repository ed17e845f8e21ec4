/**
 * The manifest files under the paths a user gives: folders searched recursively, each real
 * file or folder visited once however many links lead to it (so a symlink loop ends), and
 * everything that cannot be visited reported, never thrown.
 */
import * as fs from 'fs';
import * as path from 'path';

/** A file or folder that could not be read, parsed or checked. */
export interface ReadProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** The names a folder search picks up. */
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** What a file system error means, in words; the path is printed by the caller. */
export function fileSystemErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop)';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The kind of a file system object that is not a regular file or a folder. */
export function fileKind(stat: fs.Stats): string {
  if (stat.isFIFO()) {
    return 'a named pipe (FIFO)';
  }
  if (stat.isCharacterDevice()) {
    return 'a character device';
  }
  if (stat.isBlockDevice()) {
    return 'a block device';
  }
  if (stat.isSocket()) {
    return 'a socket';
  }
  return stat.isDirectory() ? 'a folder' : 'not a regular file';
}

/** The manifest files under the given paths, folders searched recursively, in a stable order. */
export function manifestFiles(paths: string[], problems: ReadProblem[]): string[] {
  const files: string[] = [];
  const visited = new Set<string>();
  const visit = (target: string, explicit: boolean) => {
    const named = explicit || MANIFEST_FILE.test(target);
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(target);
      stat = fs.statSync(real);
    } catch (error) {
      // In a folder, only what could be a manifest, or a link loop, is worth a word.
      if (named || (error as NodeJS.ErrnoException).code === 'ELOOP') {
        problems.push({ file: target, message: fileSystemErrorText(error) });
      }
      return;
    }
    if (visited.has(real)) {
      return; // the same file or folder again, through a link or a repeated argument
    }
    visited.add(real);
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = fs.readdirSync(real).sort();
      } catch (error) {
        problems.push({ file: target, message: `cannot list the folder: ${fileSystemErrorText(error)}` });
        return;
      }
      for (const entry of entries) {
        if (entry !== 'node_modules' && !entry.startsWith('.')) {
          visit(path.join(target, entry), false);
        }
      }
    } else if (named) {
      if (stat.isFile()) {
        files.push(target);
      } else {
        problems.push({ file: target, message: `is ${fileKind(stat)}, not a regular file: skipped` });
      }
    }
  };
  paths.forEach((target) => visit(target, true));
  return files;
}
