/** What git itself says, the same on both hosts. */

/** A full commit id: it names one commit, in every repository, for ever (git is content-addressed). */
export const isCommitId = (revision: string | undefined): boolean =>
  revision !== undefined && /^[0-9a-f]{40}$/i.test(revision);
