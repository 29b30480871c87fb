import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';

// Writing an output file (the template) without ever leaving half a file or overwriting one by
// mistake: written to a temporary file in the same folder, then renamed over the target.

/** The Chinese reason of a failed write in `dir`. */
function writeReason(e: unknown, dir: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return `没有写入权限（文件夹 ${dir}），或文件正被其他程序（如 Excel、WPS）打开`;
  if (code === 'EBUSY') return '文件正被其他程序（如 Excel、WPS）打开';
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'EROFS') return `文件夹 ${dir} 是只读的`;
  if (code === 'ENOENT') return `文件夹 ${dir} 不存在`;
  if (code === 'ENOTDIR') return `${dir} 不是文件夹`;
  if (code === 'EISDIR') return '这是一个文件夹';
  return (e as Error)?.message ?? String(e);
}

const exists = async (p: string) =>
  fs.stat(p).then(
    (s) => s,
    () => null,
  );

/**
 * Writes `file` through `write(temporaryPath)`: refuses an existing file unless `force`, writes
 * next to it and renames. Returns the Chinese reason when it could not (the file is then untouched).
 */
export async function writeFileAtomic(
  file: string,
  write: (temporary: string) => Promise<void>,
  options: { force?: boolean } = {},
): Promise<string | null> {
  const dir = path.dirname(path.resolve(file));
  const folder = await exists(dir);
  if (!folder) return `文件夹 ${dir} 不存在`;
  if (!folder.isDirectory()) return `${dir} 不是文件夹`;
  const target = await exists(file);
  if (target?.isDirectory()) return '这是一个文件夹';
  if (target && !options.force) return '文件已存在（如要覆盖，请加上 --force）';
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(temporary);
    if (!options.force && (await exists(file))) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await fs.rename(temporary, file);
    return null;
  } catch (e) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return '文件已存在（如要覆盖，请加上 --force）';
    return writeReason(e, dir);
  }
}
