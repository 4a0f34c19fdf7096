import type { ScmRepositoryDto } from "./types.js";

/** The version clients pass back as `expectedVersion`: the repository's last modification. */
export const scmVersion = (dto: ScmRepositoryDto) => String(dto.lastModified ?? dto.creationDate);
