import type { MutationResolvers } from "../../generated/resolvers-types.js";
import { planMutations } from "./backup-plan.js";
import { gitprotectMutations } from "./gitprotect.js";
import { hostMutations } from "./hosting.js";

export { RepositoryChangeResult } from "./gitprotect.js";

export const mutations: MutationResolvers = { ...planMutations, ...gitprotectMutations, ...hostMutations };
