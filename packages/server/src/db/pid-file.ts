/**
 * An exclusive pid file: the OS lets exactly one creator of `file` win (`wx`), however many
 * processes try at the same instant. Used by the PGlite data-folder lock and by test templates.
 */
import { closeSync, openSync, writeSync } from "node:fs";

/**
 * Creates `file` holding this process's id; false when it already exists. Other faults throw.
 * @example createPidFile("/data/.jixiao.lock") // true the first time, false while it is held
 */
export function createPidFile(file: string): boolean {
  try {
    const fd = openSync(file, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}
