/** What git itself says, the same on both hosts. */

/** A full commit id: it names one commit, in every repository, for ever (git is content-addressed). */
export const isCommitId = (revision: string | undefined): boolean =>
  revision !== undefined && /^[0-9a-f]{40}$/i.test(revision);

/** An abbreviated commit id as git accepts one: at least four hex digits, fewer than forty. */
export const isAbbreviatedCommitId = (revision: string): boolean => /^[0-9a-f]{4,39}$/i.test(revision);
