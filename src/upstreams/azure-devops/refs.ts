/** Azure DevOps names refs in full (`refs/heads/main`); the gateway names branches and tags as git users do. */

const heads = "refs/heads/";
const tags = "refs/tags/";

export const branchRef = (name: string) => `${heads}${name}`;
export const branchName = (ref: string) => (ref.startsWith(heads) ? ref.slice(heads.length) : ref);
export const tagName = (ref: string) => (ref.startsWith(tags) ? ref.slice(tags.length) : ref);
