/** What `OPTIONS {collection}/_apis/{area}` answers: the resource locations the official client discovers. */

const location = (id: string, area: string, resourceName: string, routeTemplate: string) => ({
  id,
  area,
  resourceName,
  routeTemplate,
  resourceVersion: 1,
  minVersion: "1.0",
  maxVersion: "7.1",
  releasedVersion: "7.1",
});

export const locationArea = [
  location("e81700f7-3be2-46de-8624-2eb35882fcaa", "Location", "ResourceAreas", "_apis/{resource}/{areaId}"),
];

export const gitArea = [
  location(
    "225f7195-f9c7-4d14-ab28-a83f7ff77e1f",
    "git",
    "repositories",
    "{project}/_apis/{area}/{resource}/{repositoryId}",
  ),
  location(
    "2d874a60-a811-4f62-9c9f-963a6ea0a55b",
    "git",
    "refs",
    "{project}/_apis/{area}/repositories/{repositoryId}/{resource}/{*refType}",
  ),
  location(
    "c2570c3b-5b3f-41b8-98bf-5407bfde8d58",
    "git",
    "commits",
    "{project}/_apis/{area}/repositories/{repositoryId}/{resource}/{commitId}",
  ),
  location(
    "5bf884f5-3e07-42e9-afb8-1b872267bf16",
    "git",
    "changes",
    "{project}/_apis/{area}/repositories/{repositoryId}/commits/{commitId}/{resource}",
  ),
  location(
    "fb93c0db-47ed-4a31-8c20-47552878fb44",
    "git",
    "items",
    "{project}/_apis/{area}/repositories/{repositoryId}/{resource}/{*path}",
  ),
];
