/** What one `git fsck --strict` check reports about an object. */

/** A check `git fsck --strict` fails on: Git's message id (`hasDotgit`) and its text (`contains '.git'`). */
export interface FsckFinding {
  readonly id: string;
  readonly message: string;
}

/** A finding with Git's message id and text. */
export const finding = (id: string, message: string): FsckFinding => ({ id, message });
