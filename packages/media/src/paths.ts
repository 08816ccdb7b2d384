import path from "node:path";

/** Whether `file` lies strictly below `folder` (both absolute; resolve symlinks first). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}
