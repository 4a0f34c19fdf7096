import { TextDecoder } from "node:util";
import { encodeId } from "../global-id.js";
import type {
  BlameLineResolvers,
  BranchResolvers,
  ChangesetResolvers,
  FileContentResolvers,
  TagResolvers,
  TreeEntryResolvers,
} from "../generated/resolvers-types.js";
import type { Loaders } from "../loaders/create-loaders.js";
import type { ChangesetModel } from "../models.js";
import { checkedPath, isoDate } from "./support.js";

/** The changeset as its host tells it whole, when a listing gave only part (Azure DevOps lists). */
const complete = async (m: ChangesetModel, loaders: Loaders) =>
  m.parents && !m.messageTruncated ? m : ((await loaders.history.changeset(m.repository, m.revision)) ?? m);

export const Branch: BranchResolvers = {
  id: (b) =>
    encodeId({ type: "Branch", host: b.repository.host, repositoryId: b.repository.id, name: b.name }),
  head: (b, _, { loaders }) => loaders.history.changeset(b.repository, b.revision ?? b.name),
};

export const Tag: TagResolvers = {
  target: (t, _, { loaders }) => loaders.history.changeset(t.repository, t.revision),
};

export const Changeset: ChangesetResolvers = {
  id: (c) =>
    encodeId({
      type: "Changeset",
      host: c.repository.host,
      repositoryId: c.repository.id,
      revision: c.revision,
    }),
  message: async (c, _, { loaders }) =>
    c.messageTruncated ? (await complete(c, loaders)).message : c.message,
  date: (c) => isoDate(c.date)!,
  parentRevisions: async (c, _, { loaders }) => (await complete(c, loaders)).parents ?? [],
  async parents(c, _, { loaders }) {
    const parents = (await complete(c, loaders)).parents ?? [];
    const found = await Promise.all(
      parents.map((revision) => loaders.history.changeset(c.repository, revision)),
    );
    return found.filter((p) => p !== null);
  },
  modifications: async (c, _, { loaders }) => (await loaders.history.modifications(c)) ?? null,
  diff: (c, { path }, { loaders }) => loaders.history.diff(c, path ? checkedPath(path) : undefined),
};

export const BlameLine: BlameLineResolvers = {
  date: (l) => isoDate(l.date)!,
  // One changeset per revision, however many lines share it: the loader keeps them per request.
  changeset: (l, _, { loaders }) => loaders.history.changeset(l.repository, l.revision),
};

export const TreeEntry: TreeEntryResolvers = {
  lastModifiedAt: (e) => isoDate(e.lastModifiedAt),
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
