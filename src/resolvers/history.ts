import { TextDecoder } from "node:util";
import { optionalPath } from "../graphql/arguments.js";
import { encodeId } from "../graphql/global-id.js";
import { showsLastChange } from "../graphql/lookahead.js";
import { isoDate } from "../graphql/scalars.js";
import type {
  BlameLineResolvers,
  BranchResolvers,
  ChangesetResolvers,
  FileContentResolvers,
  TagResolvers,
  TreeEntryResolvers,
} from "../generated/resolvers-types.js";
import type { ChangesetModel, ReadChangeset } from "../services/models.js";

/** A changeset read ahead of its field, answered at once: the changeset, or its own error at its own path. */
function readAhead(read: ReadChangeset): ChangesetModel | null {
  if ("error" in read) throw read.error;
  return read.changeset;
}

export const Branch: BranchResolvers = {
  id: (b) =>
    encodeId({ type: "Branch", host: b.repository.host, repositoryId: b.repository.id, name: b.name }),
  // A page of branches asked with their heads read them already (see Changesets.withHeads).
  head: (b, _, { services }) =>
    b.head ? readAhead(b.head) : services.changesets.byRevision(b.repository, b.revision ?? b.name),
  repository: (b, _, { services }) => services.repositories.ofHost(b.repository),
};

export const Tag: TagResolvers = {
  target: (t, _, { services }) => services.changesets.byRevision(t.repository, t.revision),
  repository: (t, _, { services }) => services.repositories.ofHost(t.repository),
};

export const Changeset: ChangesetResolvers = {
  id: (c) =>
    encodeId({
      type: "Changeset",
      host: c.repository.host,
      repositoryId: c.repository.id,
      revision: c.revision,
    }),
  // At once when whole: a blame's two thousand lines each show their changeset's message.
  message: (c, _, { services }) =>
    c.messageTruncated ? services.changesets.complete(c).then((whole) => whole.message) : c.message,
  date: (c) => isoDate(c.date)!,
  repository: (c, _, { services }) => services.repositories.ofHost(c.repository),
  async branches(c, _, { services }) {
    const repo = await services.repositories.hosted(c.repository);
    return repo ? services.branches.headsAt(repo, c.revision) : [];
  },
  async tags(c, _, { services }) {
    const repo = await services.repositories.hosted(c.repository);
    return repo ? services.branches.tagsAt(repo, c.revision) : [];
  },
  parentRevisions: async (c, _, { services }) => (await services.changesets.complete(c)).parents ?? [],
  async parents(c, _, { services }) {
    const parents = (await services.changesets.complete(c)).parents ?? [];
    const found = await Promise.all(
      parents.map((revision) => services.changesets.byRevision(c.repository, revision)),
    );
    return found.filter((p) => p !== null);
  },
  modifications: async (c, _, { services }) => (await services.changesets.modifications(c)) ?? null,
  diff: (c, { path }, { services }) => services.changesets.diff(c, optionalPath(path)),
};

export const BlameLine: BlameLineResolvers = {
  date: (l) => isoDate(l.date)!,
  // A blame asked with its changesets read them already (see Changesets.blame); else one per
  // revision, however many lines share it: the loader keeps them per request.
  changeset: (l, _, { services }) =>
    l.changeset ? readAhead(l.changeset) : services.changesets.byRevision(l.repository, l.revision),
};

export const TreeEntry: TreeEntryResolvers = {
  lastModifiedAt: (e) => isoDate(e.lastModifiedAt),
  file: (e, _, { services }) => (e.directory ? null : services.files.file(e.repository, e.path, e.revision)),
  children(e, _, { services }, info) {
    if (!e.directory) return null;
    const options = { recursive: false, lastCommit: showsLastChange(info) };
    return services.files.tree(e.repository, e.path, e.revision, options);
  },
};

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const asText = (content: Buffer): string | null => {
  if (content.includes(0)) return null;
  try {
    return strictUtf8.decode(content);
  } catch {
    return null;
  }
};

export const FileContent: FileContentResolvers = {
  size: (f) => f.content.length,
  binary: (f) => asText(f.content) === null,
  text: (f) => asText(f.content),
};
